package io.healthstats.export.files;

import java.io.InputStream;
import java.util.Optional;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Export files in GridFS (bucket {@code exports}: {@code exports.files}, {@code exports.chunks}),
 * written as a stream of 255 KiB chunks — a file is never held whole in memory, on writing or reading.
 * Each attempt of a job writes under its own id, so an attempt a dead worker left half-written is
 * deleted without touching the file of the attempt that finished.
 */
@Component
public class ExportFiles {

	static final String BUCKET = "exports";

	/** Chunks (255 KiB each) fetched per round trip when a file is downloaded. */
	static final int DOWNLOAD_BATCH = 4;

	private final GridFSBucket bucket;

	ExportFiles(MongoDatabaseFactory mongo) {
		this.bucket = GridFSBuckets.create(mongo.getMongoDatabase(), BUCKET);
	}

	/** Starts a file; closing the stream stores it, {@link GridFSUploadStream#abort()} drops what was written. */
	public GridFSUploadStream create(ObjectId id, String filename, String jobId, String contentType) {
		return this.bucket.openUploadStream(new BsonObjectId(id), filename,
				new GridFSUploadOptions().metadata(new Document("job", jobId).append("contentType", contentType)));
	}

	/** The file's content, or empty when it is gone. */
	public Optional<InputStream> open(ObjectId id) {
		try {
			// a few chunks per round trip: without a batch size the local store answers with every chunk of the
			// file in one message, which the driver refuses above 48 MB
			return Optional.of(this.bucket.openDownloadStream(id).batchSize(DOWNLOAD_BATCH));
		}
		catch (MongoGridFSException ex) {
			return Optional.empty();
		}
	}

	/** Deletes the file and whatever chunks of it were written; nothing happens if there is none. */
	public void delete(ObjectId id) {
		if (id == null) {
			return;
		}
		try {
			this.bucket.delete(id);
		}
		catch (MongoGridFSException ex) {
			// no file document (an upload that never finished): its chunks are gone all the same
		}
	}

}
