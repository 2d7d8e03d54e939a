package uk.inspection.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local, append-only journal every decision is written to before its answer leaves
 * the service: a write to a file (the operating system keeps it if the process is
 * killed), never a wait for the database. The importer reads it from its checkpoint into
 * the database in batches; when the database is down the journal simply grows, and is
 * replayed when it is back. Segments are files of one JSON line per decision, numbered in
 * order; a segment fully imported is deleted.
 */
final class DecisionJournal implements AutoCloseable {

    /** A segment is closed and a new one begun past this size. */
    static final long SEGMENT_BYTES = 8L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(DecisionJournal.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CHECKPOINT = "imported";

    private static final byte[] NEWLINE = { '\n' };

    /**
     * Lines the importer could not import, with the reason: for an operator to look at.
     */
    static final String QUARANTINE = "quarantine.jsonl";

    /** Where the importer has read up to: a segment and a byte offset in it. */
    record Position(long segment, long offset) {
    }

    /** One journalled line, and the position just after it. */
    record Entry(String line, Position after) {
    }

    private final Path folder;

    private long segment;

    private FileChannel writing;

    private volatile long backlog;

    DecisionJournal(Path folder) throws IOException {
        this.folder = folder;
        Files.createDirectories(folder);
        // A new segment at every start: the last one may end in a line torn by a crash,
        // which the reader skips in a closed segment but would run on into the next
        // record
        // written after it.
        this.segment = Math.max(segments().stream().mapToLong(Long::longValue).max().orElse(-1), checkpoint().segment())
                + 1;
        for (long old : segments()) {
            if (Files.size(file(old)) == 0) {
                Files.delete(file(old)); // begun by an earlier start, never written to
            }
        }
        this.writing = open(segment);
        this.backlog = countBacklog();
    }

    /**
     * Appends one decision's JSON as a line; returns once the operating system has it.
     * Any newline in it (in JSON, only ever whitespace) becomes a space, in place.
     */
    synchronized void append(byte[] json) {
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '\n') {
                json[i] = ' ';
            }
        }
        try {
            if (writing.size() > SEGMENT_BYTES) {
                writing.close();
                writing = open(++segment);
            }
            ByteBuffer[] line = { ByteBuffer.wrap(json), ByteBuffer.wrap(NEWLINE) };
            while (line[1].hasRemaining()) {
                writing.write(line);
            }
            backlog += json.length + 1;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the decision journal in " + folder, e);
        }
    }

    /**
     * Up to {@code max} lines from the checkpoint on, in order, and no more bytes than
     * {@code budget} unless the first line alone is larger: a batch of large decisions is
     * a few lines, not {@code max} of them.
     */
    synchronized List<Entry> read(int max, long budget) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Position at = checkpoint();
        int chunk = (int) Math.min(1024 * 1024, Math.max(budget, 1024));
        long bytes = 0;
        boolean full = false;
        while (entries.size() < max && !full) {
            Path file = file(at.segment());
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (at.offset() >= size) {
                if (at.segment() >= segment) {
                    break;
                }
                at = new Position(at.segment() + 1, 0);
                continue;
            }
            byte[] content = readFrom(file, at.offset(), chunk);
            int start = 0;
            for (int i = 0; i < content.length && entries.size() < max; i++) {
                if (content[i] == '\n') {
                    if (!entries.isEmpty() && bytes + i - start + 1 > budget) {
                        full = true;
                        break;
                    }
                    bytes += i - start + 1;
                    at = new Position(at.segment(), at.offset() + i - start + 1);
                    entries.add(new Entry(new String(content, start, i - start, StandardCharsets.UTF_8), at));
                    start = i + 1;
                }
            }
            if (start == 0 && entries.size() < max && !full) {
                boolean wholeRest = content.length >= size - at.offset();
                if (!wholeRest) {
                    // one line longer than the chunk: read more of it
                    chunk = (int) Math.min(Integer.MAX_VALUE - 8, 2L * chunk);
                    continue;
                }
                if (at.segment() >= segment) {
                    break; // the line being written now
                }
                log.warn("Skipped {} bytes at the end of decision journal segment {}: a line torn by a crash",
                        size - at.offset(), file.getFileName());
                at = new Position(at.segment() + 1, 0);
            }
        }
        return entries;
    }

    /**
     * Everything up to this position is in the database: the checkpoint moves, imported
     * segments go.
     */
    synchronized void imported(Position position) throws IOException {
        Path temporary = folder.resolve(CHECKPOINT + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(
                    ByteBuffer.wrap((position.segment() + " " + position.offset()).getBytes(StandardCharsets.UTF_8)));
            channel.force(true); // on disk before it replaces the checkpoint
        }
        try {
            Files.move(temporary, folder.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, folder.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING);
        }
        for (long old : segments()) {
            if (old < position.segment()) {
                Files.deleteIfExists(file(old));
            }
        }
        backlog = countBacklog();
    }

    /**
     * Bytes written and not yet imported: counted as lines are appended, and from the
     * files again at each checkpoint, so that a request reads it without touching the
     * disk.
     */
    long backlog() {
        return backlog;
    }

    private long countBacklog() throws IOException {
        Position at = checkpoint();
        long bytes = 0;
        for (long number : segments()) {
            if (number >= at.segment()) {
                bytes += Files.size(file(number)) - (number == at.segment() ? at.offset() : 0);
            }
        }
        return Math.max(0, bytes);
    }

    /**
     * Where the importer has read up to. An unreadable checkpoint means the oldest
     * segment is read again from its start: a record already in the database is left as
     * it is, so reading too much costs time, never a record.
     */
    private Position checkpoint() throws IOException {
        Path file = folder.resolve(CHECKPOINT);
        if (!Files.exists(file)) {
            return new Position(0, 0);
        }
        String text = Files.readString(file, StandardCharsets.ISO_8859_1).strip();
        try {
            String[] parts = text.split(" ");
            Position position = new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (parts.length == 2 && position.segment() >= 0 && position.offset() >= 0) {
                return position;
            }
        }
        catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // as below
        }
        long oldest = segments().stream().mapToLong(Long::longValue).min().orElse(0);
        log.error("The decision journal's checkpoint {} is unreadable ('{}'): reading again from segment {}", file,
                text.length() > 40 ? text.substring(0, 40) + "…" : text, oldest);
        return new Position(oldest, 0);
    }

    /**
     * Keeps a line the database will never take (not a record, or refused by the
     * database), so the importer can move on without losing it: on disk before the
     * checkpoint passes it.
     */
    synchronized void quarantine(String line, String reason) throws IOException {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("reason", reason);
        entry.put("line", line);
        byte[] bytes = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(folder.resolve(QUARANTINE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(bytes));
            channel.force(true);
        }
    }

    private List<Long> segments() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                .filter(name -> name.matches("\\d{12}\\.jsonl"))
                .map(name -> Long.parseLong(name.substring(0, 12)))
                .sorted()
                .toList();
        }
    }

    private Path file(long number) {
        return folder.resolve(String.format("%012d.jsonl", number));
    }

    private FileChannel open(long number) throws IOException {
        return FileChannel.open(file(number), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    private static byte[] readFrom(Path file, long offset, int chunk) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size() - offset, chunk));
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // fill the buffer
            }
            return buffer.array();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writing.close();
    }

}
