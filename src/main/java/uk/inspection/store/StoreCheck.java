package uk.inspection.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.revwalk.RevObject;

import uk.inspection.ruleset.RuleSetFiles;

/**
 * Whether a rule store can be served as it is: its published branch names a commit, and
 * every object its branches reach is there and reads whole. Damage is described so that
 * an operator can act on it (the file a lost object held). Nothing here repairs or seeds
 * a store: either would change what is served without an approval.
 */
final class StoreCheck {

    static final String RESTORE = "Restore the store from a backup taken before the damage, or repair it"
            + " with Git (`git fsck --full` names every damaged object and ref); see docs/operations.md,"
            + " \"A damaged rule store\"";

    /**
     * A pack's checksum: it ends the pack, and comes before the index's own at the end of
     * its index.
     */
    private static final int CHECKSUM = 20;

    private static final String PUBLISHED_REF = Constants.R_HEADS + GitRuleStore.PUBLISHED;

    private StoreCheck() {
    }

    /**
     * One thing found wrong: the framework whose rule files it is (null when it is the
     * store's own), and what.
     */
    record Damage(String framework, String what) {
    }

    /**
     * A repository with nothing in it yet (no branch, no object): one made empty for the
     * service to seed.
     */
    static boolean isEmpty(Repository repository) throws IOException {
        Path objects = repository.getDirectory().toPath().resolve("objects");
        try (Stream<Path> files = Files.walk(objects)) {
            return !repository.getRefDatabase().hasRefs()
                    && files.filter(Files::isRegularFile).allMatch(f -> f.startsWith(objects.resolve("info")));
        }
    }

    /** Everything wrong with a store that has history, read whole from every branch. */
    static List<Damage> all(Repository repository) {
        List<Damage> found = new ArrayList<>();
        ObjectId published = published(repository, found);
        List<ObjectId> heads = new ArrayList<>();
        try {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
                heads.add(ref.getObjectId());
            }
        }
        catch (IOException e) {
            found.add(new Damage(null, "the store's branches cannot be listed: " + e.getMessage()));
        }
        if (published != null && !heads.contains(published)) {
            heads.add(published);
        }
        found.addAll(packs(repository));
        found.addAll(objects(repository, heads, null));
        return found;
    }

    /**
     * The pack files whose end is not the checksum their index was written for: cut short
     * or written over (Git itself would then only say that objects are missing).
     */
    static List<Damage> packs(Repository repository) {
        List<Damage> found = new ArrayList<>();
        Path folder = repository.getDirectory().toPath().resolve("objects/pack");
        try (Stream<Path> files = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            for (Path pack : files.filter(f -> f.toString().endsWith(".pack")).sorted().toList()) {
                Path index = Path.of(pack.toString().replaceAll("\\.pack$", ".idx"));
                if (!Files.isRegularFile(index) || !Arrays.equals(tail(pack, 0), tail(index, CHECKSUM))) {
                    found.add(new Damage(null, "the pack " + repository.getDirectory().toPath().relativize(pack)
                            + " is unreadable (cut short, written over, or without its index)"));
                }
            }
        }
        catch (IOException e) {
            found.add(new Damage(null, "the packs in " + folder + " cannot be read: " + e.getMessage()));
        }
        return found;
    }

    /** The checksum that ends at {@code before} bytes from the end of a file. */
    private static byte[] tail(Path file, int before) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer checksum = ByteBuffer.allocate(CHECKSUM);
            long at = channel.size() - before - CHECKSUM;
            if (at >= 0) {
                channel.read(checksum, at);
            }
            return checksum.array();
        }
    }

    /**
     * The commit the published branch names, or null with the damage added when it names
     * none.
     */
    static ObjectId published(Repository repository, List<Damage> found) {
        try {
            Ref ref = repository.exactRef(PUBLISHED_REF);
            if (ref != null && ref.getObjectId() != null) {
                return ref.getObjectId();
            }
            boolean file = Files.exists(repository.getDirectory().toPath().resolve(PUBLISHED_REF));
            found.add(new Damage(null, PUBLISHED_REF + (file ? " holds no commit id (the file is damaged)"
                    : " is missing, in a store that has history")));
        }
        catch (IOException e) {
            found.add(new Damage(null, PUBLISHED_REF + " cannot be read: " + e.getMessage()));
        }
        return null;
    }

    /**
     * The damage among the objects reachable from these commits and not from
     * {@code known} (null: from all): every commit and tree is parsed, every file read
     * whole.
     */
    static List<Damage> objects(Repository repository, Collection<ObjectId> from, ObjectId known) {
        List<Damage> found = new ArrayList<>();
        try (ObjectWalk walk = new ObjectWalk(repository)) {
            for (ObjectId start : from) {
                walk.markStart(walk.parseCommit(start));
            }
            if (known != null) {
                walk.markUninteresting(walk.parseCommit(known));
            }
            while (walk.next() != null) {
                // every commit parsed: the trees and files come next
            }
            for (RevObject object = walk.nextObject(); object != null; object = walk.nextObject()) {
                if (object.getType() == Constants.OBJ_BLOB) {
                    String path = walk.getPathString();
                    try {
                        walk.getObjectReader().open(object).copyTo(OutputStream.nullOutputStream());
                    }
                    catch (IOException e) {
                        found.add(new Damage(framework(path),
                                "the file " + path + " (object " + object.name() + ") " + why(e)));
                    }
                }
            }
        }
        catch (IOException e) {
            found.add(new Damage(null, "an object of the store's history "
                    + (e instanceof MissingObjectException missing ? "(" + missing.getObjectId().name() + ") " : "")
                    + why(e)));
        }
        return found;
    }

    /**
     * The framework whose rules a path holds (its fixtures and others are the store's).
     */
    private static String framework(String path) {
        String[] parts = path.split("/");
        boolean rules = parts[0].equals(RuleSetFiles.RULES) || parts[0].equals(RuleSetFiles.TABLES);
        return rules && parts.length > 2 ? parts[1] : null;
    }

    private static String why(IOException e) {
        return e instanceof MissingObjectException ? "is missing" : "cannot be read: " + e.getMessage();
    }

}
