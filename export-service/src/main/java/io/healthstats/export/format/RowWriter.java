package io.healthstats.export.format;

import java.io.IOException;

/**
 * Writes observation rows to a stream as they arrive, keeping at most a bounded window of them in
 * memory whatever the export's size. {@link #close()} finishes the document; it does not close the
 * underlying stream.
 */
public interface RowWriter extends AutoCloseable {

	void write(Row row) throws IOException;

	/** Finishes the document. */
	@Override
	void close() throws IOException;

	/** Gives up without finishing, releasing what the writer holds (temporary files). */
	default void abandon() {
	}

}
