/**
 * Data sets for the kit, all behind one interface, {@link org.modelkey.data.ImageSource}, and
 * one DJL data set, {@link org.modelkey.data.ImageDataset} (records: float32 C×H×W in [0,1];
 * labels: int32 class index, or int32 H×W mask with 255 = ignore).
 *
 * <ul>
 *   <li>Embedded, installed by {@code environment/setup-data} into the cache:
 *       {@link org.modelkey.data.StampScenes} (classification and segmentation scenes of Tux Paint
 *       photo cut-outs, split by stamp), {@link org.modelkey.data.MnistFiles#fashionMnist} and
 *       {@link org.modelkey.data.NpmMnist}.</li>
 *   <li>Real data from a folder the user gives (environment variable or argument):
 *       {@link org.modelkey.data.ImageFolder} (ImageNet), {@link org.modelkey.data.VocSegmentation},
 *       {@link org.modelkey.data.CifarBinary}, {@link org.modelkey.data.MnistFiles}.</li>
 *   <li>{@link org.modelkey.data.StratifiedSubset} (10/20/30/100 % per class) and the sample
 *       transforms {@link org.modelkey.data.RandomResizedCrop}, {@link org.modelkey.data.HorizontalFlip},
 *       {@link org.modelkey.data.CenterCrop}.</li>
 * </ul>
 * Key transforms are not applied here: training applies them to each batch.
 */
package org.modelkey.data;
