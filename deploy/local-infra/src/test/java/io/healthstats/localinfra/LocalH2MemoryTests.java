package io.healthstats.localinfra;

import java.time.Instant;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 sizes its page cache (and its B-tree pages and commits) by the heap it is told each value takes: the
 * local store's documents and index keys must be counted near their heap size — not as 10 KB each, and not
 * as their much smaller encoded size, which let the cache grow to gigabytes.
 */
class LocalH2MemoryTests {

	private final LocalH2Backend.BsonObjectType type = new LocalH2Backend.BsonObjectType();

	@Test
	void countsACellNearItsHeapSize() {
		Document revision = new Document("revision", 2).append("value", "434680")
			.append("numerator", null)
			.append("denominator", null)
			.append("source", new Document("type", "CLIENT").append("id", "county-341523"))
			.append("recordedAt", Instant.now())
			.append("flagged", false);
		Document cell = new Document("_id", "OUTPATIENT_VISITS|341523|202403").append("indicator", "OUTPATIENT_VISITS")
			.append("region", "341523")
			.append("period", "202403")
			.append("county", true)
			.append("reported", revision)
			.append("history", List.of(revision, revision))
			.append("parts", new Document())
			.append("version", 2L);
		int bson = bsonSize(cell);

		assertThat(this.type.getMemory(cell)).isBetween(2 * bson, 16 * bson);
	}

	@Test
	void countsAnIndexKeyNearItsHeapSize() {
		KeyValue key = new KeyValue("OUTPATIENT_VISITS|341523|202403", 2L);

		assertThat(this.type.getMemory(key)).isBetween(64, 400);
	}

	private static int bsonSize(Document document) {
		ByteBuf buffer = Unpooled.buffer();
		try {
			BsonEncoder.encodeDocument(document, buffer);
			return buffer.readableBytes();
		}
		finally {
			buffer.release();
		}
	}

}
