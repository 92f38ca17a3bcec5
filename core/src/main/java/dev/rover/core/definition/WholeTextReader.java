package dev.rover.core.definition;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * A SnakeYAML reader over text already in memory, so that loading stays linear in its size.
 * SnakeYAML's own reader refills a 1 KB window by copying everything not yet consumed, and a long
 * token (a 3 MB single-line scalar) keeps that window from advancing, so each refill copies the
 * whole token again: time and memory grew with the square of the line length. This reader decodes
 * the text once, shares that one array with every {@link Mark}, and otherwise behaves exactly like
 * the original (same line, column and index bookkeeping, same refusal of non-printable characters).
 */
final class WholeTextReader extends StreamReader {

    private static final String NAME = "'reader'";

    private final int[] codePoints;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    /**
     * @throws ReaderException at the first character YAML does not allow (control characters and the like)
     */
    WholeTextReader(String text) {
        super("");
        this.codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (!isPrintable(codePoints[i])) {
                throw new ReaderException(NAME, i, codePoints[i], "special characters are not allowed");
            }
        }
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, index, line, column, codePoints, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && pointer < codePoints.length; i++) {
            int c = codePoints[pointer++];
            index++;
            documentIndex++;
            boolean lineBreak = c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                    || (c == '\r' && pointer < codePoints.length && codePoints[pointer] != '\n');
            if (lineBreak) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return peek(0);
    }

    @Override
    public int peek(int offset) {
        int at = pointer + offset;
        return at < codePoints.length ? codePoints[at] : 0;
    }

    @Override
    public String prefix(int length) {
        if (length == 0) {
            return "";
        }
        return new String(codePoints, pointer, Math.min(length, codePoints.length - pointer));
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        index += length;
        documentIndex += length;
        column += length;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }
}
