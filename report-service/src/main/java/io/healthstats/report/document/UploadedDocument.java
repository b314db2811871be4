package io.healthstats.report.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The text of an uploaded report file: a Word {@code .docx}, or plain text in UTF-8 or in GB18030
 * (which includes GBK and GB2312, still the default of Chinese Windows editors).
 */
public final class UploadedDocument {

	private static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text");

	private static final Charset GB18030 = Charset.forName("GB18030");

	static {
		// A 10 MiB upload may not inflate to gigabytes: no report part is anywhere near this large.
		ZipSecureFile.setMaxEntrySize(256L * 1024 * 1024);
	}

	private UploadedDocument() {
	}

	/**
	 * @param filename the name the client gave, possibly {@code null}
	 * @param contentType the part's content type, possibly {@code null}
	 * @param bytes the file
	 * @return the normalized text, never blank
	 * @throws UnsupportedDocumentException for a file type other than .docx and .txt
	 * @throws UnreadableDocumentException for a broken, undecodable or empty file
	 */
	public static String text(String filename, String contentType, byte[] bytes) {
		if (bytes.length == 0) {
			throw new UnreadableDocumentException("The uploaded file is empty.");
		}
		String text = switch (type(filename, contentType, bytes)) {
			case DOCX -> docx(bytes);
			case TEXT -> plain(bytes, declaredCharset(contentType));
		};
		String normalized = ReportText.normalize(text);
		if (normalized.isBlank()) {
			throw new UnreadableDocumentException("The uploaded file contains no text.");
		}
		if (normalized.length() > ReportText.MAX_LENGTH) {
			throw new UnreadableDocumentException("The document has " + normalized.length()
					+ " characters; at most " + ReportText.MAX_LENGTH + " are accepted.");
		}
		return normalized;
	}

	private static Type type(String filename, String contentType, byte[] bytes) {
		String extension = extension(filename);
		if ("docx".equals(extension)) {
			return Type.DOCX;
		}
		if (extension != null && TEXT_EXTENSIONS.contains(extension)) {
			return Type.TEXT;
		}
		if (extension != null && !extension.isEmpty()) {
			throw new UnsupportedDocumentException(unsupported("." + extension));
		}
		String type = (contentType != null) ? contentType.toLowerCase(Locale.ROOT) : "";
		if (type.startsWith(DOCX_TYPE) || (isZip(bytes) && !type.startsWith("text/"))) {
			return Type.DOCX;
		}
		if (type.startsWith("text/plain") || type.isEmpty() || type.startsWith("application/octet-stream")) {
			return Type.TEXT;
		}
		throw new UnsupportedDocumentException(unsupported(contentType));
	}

	private static String unsupported(String what) {
		String advice = (".doc".equals(what) || ".wps".equals(what))
				? " Save it as .docx (Word 2007 or later) and upload again." : "";
		return "Files of type " + what + " are not supported: upload a .docx or a .txt file (UTF-8 or GB18030/GBK)."
				+ advice;
	}

	private static String extension(String filename) {
		if (filename == null) {
			return null;
		}
		String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? null : name.substring(dot + 1).toLowerCase(Locale.ROOT).trim();
	}

	private static String docx(byte[] bytes) {
		if (isOle2(bytes)) {
			throw new UnreadableDocumentException("The file is a Word 97-2003 (.doc) or an encrypted document, "
					+ "not a .docx: save it as .docx without a password and upload again.");
		}
		if (!isZip(bytes)) {
			throw new UnreadableDocumentException("The file is not a valid .docx document (it is not an Office Open XML package).");
		}
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			StringBuilder text = new StringBuilder();
			for (IBodyElement element : document.getBodyElements()) {
				append(text, element);
			}
			return text.toString();
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadableDocumentException("The .docx document is damaged and cannot be read.", ex);
		}
	}

	private static void append(StringBuilder text, IBodyElement element) {
		if (element instanceof XWPFParagraph paragraph) {
			text.append(paragraph.getText()).append('\n');
		}
		else if (element instanceof XWPFTable table) {
			for (XWPFTableRow row : table.getRows()) {
				StringBuilder line = new StringBuilder();
				for (XWPFTableCell cell : row.getTableCells()) {
					if (!line.isEmpty()) {
						line.append('\t');
					}
					line.append(cell.getText().strip().replace('\n', ' '));
				}
				text.append(line).append('\n');
			}
		}
		else if (element instanceof XWPFSDT control) {
			text.append(control.getContent().getText()).append('\n');
		}
	}

	private static String plain(byte[] bytes, Charset declared) {
		// Many clients label every text UTF-8 whatever it is, so a declaration that does not fit is not the last word.
		String text = (declared != null) ? tryDecode(bytes, declared) : null;
		if (text != null) {
			return text;
		}
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return decode(bytes, 3, StandardCharsets.UTF_8);
		}
		if (startsWith(bytes, 0xFF, 0xFE)) {
			return decode(bytes, 2, StandardCharsets.UTF_16LE);
		}
		if (startsWith(bytes, 0xFE, 0xFF)) {
			return decode(bytes, 2, StandardCharsets.UTF_16BE);
		}
		text = tryDecode(bytes, StandardCharsets.UTF_8);
		if (text == null) {
			text = tryDecode(bytes, GB18030);
		}
		if (text == null) {
			throw new UnreadableDocumentException(
					"The text file is neither UTF-8 nor GB18030/GBK: save it in one of these encodings and upload again.");
		}
		return text;
	}

	private static String decode(byte[] bytes, int offset, Charset charset) {
		String text = tryDecode(Arrays.copyOfRange(bytes, offset, bytes.length), charset);
		if (text == null) {
			throw new UnreadableDocumentException("The text is not valid " + charset.name() + " although it says so.");
		}
		return text;
	}

	/** Strict decoding: {@code null} unless every byte belongs to the charset and the text has no binary zeros. */
	private static String tryDecode(byte[] bytes, Charset charset) {
		try {
			String text = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return (text.indexOf('\0') >= 0) ? null : text;
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/** The charset a {@code text/plain; charset=…} content type declares, if any and known. */
	private static Charset declaredCharset(String contentType) {
		if (contentType == null) {
			return null;
		}
		try {
			Charset charset = MediaType.parseMediaType(contentType).getCharset();
			// Some clients label everything ISO-8859-1 by default; it decodes any bytes, so it would hide a wrong guess.
			return StandardCharsets.ISO_8859_1.equals(charset) ? null : charset;
		}
		catch (InvalidMediaTypeException | UnsupportedCharsetException ex) {
			throw new UnreadableDocumentException("The content type " + contentType + " names no charset this service knows.");
		}
	}

	private static boolean isZip(byte[] bytes) {
		return startsWith(bytes, 'P', 'K', 3, 4);
	}

	private static boolean isOle2(byte[] bytes) {
		return startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0);
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private enum Type {

		DOCX, TEXT

	}

}
