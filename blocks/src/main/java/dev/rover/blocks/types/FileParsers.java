package dev.rover.blocks.types;

import dev.rover.core.json.Json;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the file types of {@code file_url_parser}: CSV and TSV (first row = headers; rows become maps),
 * Excel through Apache POI (the same per sheet), PDF text through PDFBox, and JSON.
 */
final class FileParsers {

    /** The {@code file_type} values. */
    static final List<String> TYPES = List.of("csv", "tsv", "excel", "pdf", "json");

    private FileParsers() {
    }

    /** The type a file's name suggests, or null. */
    static String typeOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) return "csv";
        if (name.endsWith(".tsv") || name.endsWith(".tab")) return "tsv";
        if (name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".xlsm")) return "excel";
        if (name.endsWith(".pdf")) return "pdf";
        if (name.endsWith(".json")) return "json";
        return null;
    }

    /** Rows of a CSV or TSV file as maps from header to cell. */
    static List<Map<String, String>> delimited(Path file, char separator) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return rowsWithHeaders(splitDelimited(text, separator));
    }

    /** RFC 4180 records: quoted fields may hold separators, doubled quotes and line breaks. */
    static List<List<String>> splitDelimited(String text, char separator) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        records.removeIf(r -> r.stream().allMatch(String::isBlank));
        return records;
    }

    /** Every sheet's rows as maps from header to cell text: a list for one sheet, a map by sheet name for several. */
    static Object excel(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Map<String, Object> sheets = new LinkedHashMap<>();
            for (Sheet sheet : workbook) {
                List<List<String>> records = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell).trim());
                    }
                    if (cells.stream().anyMatch(s -> !s.isBlank())) {
                        records.add(cells);
                    }
                }
                sheets.put(sheet.getSheetName(), rowsWithHeaders(records));
            }
            return sheets.size() == 1 ? sheets.values().iterator().next() : sheets;
        }
    }

    /** The text of a PDF, page by page in reading order. */
    static String pdfText(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).strip();
        }
    }

    /** A JSON file's value. */
    static Object json(Path file) throws IOException {
        return Json.mapper().readValue(file.toFile(), Object.class);
    }

    private static List<Map<String, String>> rowsWithHeaders(List<List<String>> records) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (records.isEmpty()) {
            return rows;
        }
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < records.get(0).size(); i++) {
            String h = records.get(0).get(i).trim();
            headers.add(h.isEmpty() ? "column_" + (i + 1) : h);
        }
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < Math.max(headers.size(), record.size()); i++) {
                String header = i < headers.size() ? headers.get(i) : "column_" + (i + 1);
                row.put(header, i < record.size() ? record.get(i).trim() : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
