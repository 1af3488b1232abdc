package jp.kyodo.shared;

import java.util.List;

/**
 * One dataset of the open data catalogue (/opendata/), declared as a bean by the module that owns the records, so
 * that the catalogue lists every dataset without knowing the modules. Public records only: a dataset never carries a
 * person's address, phone or e-mail unless that person consented to that field.
 *
 * @param id            short name, unique in the catalogue, e.g. {@code "groups"}
 * @param title         title in Japanese
 * @param titleEn       title in English
 * @param description   one or two sentences in Japanese: what a row is and which records are in
 * @param descriptionEn the same in English
 * @param csvPath       path of the CSV (UTF-8 with BOM), e.g. {@code "/opendata/groups.csv"}
 * @param jsonPath      path of the JSON API, e.g. {@code "/api/v1/groups"}
 * @param columns       the CSV's column headings, in order, as documented on the catalogue page
 * @param order         place in the catalogue, smallest first
 */
public record OpenDataset(String id, String title, String titleEn, String description, String descriptionEn,
                          String csvPath, String jsonPath, List<String> columns, int order) {

    public OpenDataset {
        columns = List.copyOf(columns);
    }
}
