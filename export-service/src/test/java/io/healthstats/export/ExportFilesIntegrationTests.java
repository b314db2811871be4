package io.healthstats.export;

import java.io.InputStream;
import java.util.Random;

import com.mongodb.client.gridfs.GridFSUploadStream;
import io.healthstats.export.files.ExportFiles;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Files written and read as streams of chunks, through the real MongoDB driver. */
class ExportFilesIntegrationTests extends ExportIntegrationTest {

	@Autowired
	ExportFiles files;

	@Test
	void readsBackAFileOfManyChunksAFewChunksPerRoundTrip() throws Exception {
		byte[] content = new byte[3 * 1024 * 1024 + 17]; // 13 chunks of 255 KiB, four round trips
		new Random(42).nextBytes(content);
		ObjectId id = new ObjectId();
		try (GridFSUploadStream upload = this.files.create(id, "big.csv", "job-files-1", "text/csv")) {
			for (int offset = 0; offset < content.length; offset += 100_000) {
				upload.write(content, offset, Math.min(100_000, content.length - offset));
			}
		}

		try (InputStream in = this.files.open(id).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		this.files.delete(id);
		assertThat(this.files.open(id)).isEmpty();
	}

}
