package org.pyport.display;

import java.util.Map;

import org.pyport.table.Tables;

import tech.tablesaw.api.Table;

/** Keeps the Tablesaw reference out of {@link Show} so Show loads even where Tablesaw is absent. */
final class TableBundles {
    private TableBundles() {}

    static Map<String, Object> of(Object table) {
        return Tables.bundle((Table) table, Tables.DEFAULT_MAX_ROWS);
    }
}
