/**
 * Trained models kept for the next notebooks: {@link org.modelkey.store.ModelStore} writes each model
 * with its key file and a card of how it was trained, and gives it back while the recipe is unchanged.
 * Apart from {@code train}, which fills it, so that any package may read the models.
 */
package org.modelkey.store;
