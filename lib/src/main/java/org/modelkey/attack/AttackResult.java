package org.modelkey.attack;

import tech.tablesaw.api.Table;

/**
 * What an attack measured, as a record of its measurements that renders itself as a table whose
 * column names are the result type's named constants.
 */
public interface AttackResult {

    /** @return the measurements, one row per setting the attack tried */
    Table toTable();
}
