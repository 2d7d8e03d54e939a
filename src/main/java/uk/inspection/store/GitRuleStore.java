package uk.inspection.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.inspection.ruleset.DataFolder;

/**
 * The rule store: a Git repository whose {@code published} branch holds what the service
 * serves, and whose {@code drafts/<id>} branches hold proposed changes. Commits are made
 * directly into the object database (a bare repository has no work tree), and a branch
 * only ever moves forward from the commit the change was based on: history is
 * append-only, and a change made against a head that has since moved is refused. A remote
 * store is mirrored here, fetched before reading anew and pushed after every commit.
 */
public final class GitRuleStore implements AutoCloseable {

    public static final String PUBLISHED = "published";

    public static final String DRAFTS = "drafts/";

    private static final Logger log = LoggerFactory.getLogger(GitRuleStore.class);

    private static final PersonIdent SERVICE = new PersonIdent("inspection-ratings",
            "service@inspection-ratings.invalid");

    private final Repository repository;

    private final String remote;

    private final CredentialsProvider credentials;

    private GitRuleStore(Repository repository, String remote, CredentialsProvider credentials) {
        this.repository = repository;
        this.remote = remote;
        this.credentials = credentials;
    }

    /**
     * Opens the configured store, creating (and seeding from {@code seedHome}) one that
     * does not exist yet or is empty. A store with history is read whole first, and
     * refused, naming the damage and how to restore, when its published branch or any of
     * its objects cannot be read.
     */
    public static GitRuleStore open(StoreProperties properties, DataFolder data, Path seedHome) throws IOException {
        Path directory = properties.repository(data);
        CredentialsProvider credentials = properties.storeUsername() == null ? null
                : new UsernamePasswordCredentialsProvider(properties.storeUsername(),
                        properties.storePassword() == null ? "" : properties.storePassword());
        boolean created = !Files.isDirectory(directory);
        try {
            if (properties.isRemote() && created) {
                Git.cloneRepository()
                    .setURI(properties.store())
                    .setBare(true)
                    .setCloneAllBranches(true)
                    .setDirectory(directory.toFile())
                    .setCredentialsProvider(credentials)
                    .call()
                    .close();
            }
            else if (created) {
                Git.init().setBare(true).setInitialBranch(PUBLISHED).setDirectory(directory.toFile()).call().close();
            }
        }
        catch (GitAPIException e) {
            throw new IOException("cannot reach the rule store " + properties.store() + ": " + e.getMessage(), e);
        }
        Repository repository = new FileRepositoryBuilder().setGitDir(directory.toFile()).setBare().build();
        GitRuleStore store = new GitRuleStore(repository, properties.isRemote() ? properties.store() : null,
                credentials);
        if (properties.isRemote() && !created) {
            store.fetchAtStart();
        }
        if (created || StoreCheck.isEmpty(repository)) {
            if (store.head(PUBLISHED) == null) {
                store.seed(seedHome);
            }
            return store;
        }
        List<StoreCheck.Damage> damage = StoreCheck.all(repository);
        if (!damage.isEmpty()) {
            store.close();
            throw new DamagedStoreException(
                    "The rule store at " + directory + " is damaged, so the service will not start on it"
                            + " (seeding it again would roll back every approved change): "
                            + String.join("; ", damage.stream().map(StoreCheck.Damage::what).toList()) + ". "
                            + StoreCheck.RESTORE + (properties.isRemote() ? "; or, as this is only a mirror of "
                                    + properties.store() + ", delete " + directory + " to clone it again" : "")
                            + ".");
        }
        return store;
    }

    /**
     * A mirror brought up to its remote before anything is read from it: an approval
     * stopped between its local commit and its push is then not served, nor taken for
     * published. A remote out of reach leaves the mirror as it was.
     */
    private void fetchAtStart() {
        try {
            fetch();
        }
        catch (IOException e) {
            log.warn("Cannot fetch the rule store {} at start; serving its mirror as it is: {}", remote,
                    e.getMessage());
        }
    }

    /**
     * The damage among the objects published since {@code known} (and the published
     * branch itself), read whole; empty when there is none.
     */
    List<StoreCheck.Damage> damageSince(ObjectId known) {
        List<StoreCheck.Damage> found = new ArrayList<>();
        ObjectId head = StoreCheck.published(repository, found);
        if (head != null && !head.equals(known)) {
            found.addAll(StoreCheck.objects(repository, List.of(head), known));
        }
        return found;
    }

    /**
     * An existing store's repository on this machine, for reading (the {@code diff}
     * command); never created.
     */
    public static GitRuleStore openExisting(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("no rule store at " + directory);
        }
        return new GitRuleStore(new FileRepositoryBuilder().setGitDir(directory.toFile()).setBare().build(), null,
                null);
    }

    /**
     * The files under these folders at a commit named by its id (full or abbreviated) or
     * a branch; empty when there is none.
     */
    public java.util.Optional<Map<String, byte[]>> filesAt(String name, List<String> folders) throws IOException {
        ObjectId id = repository.resolve(name + "^{commit}");
        return id == null ? java.util.Optional.empty() : java.util.Optional.of(files(id, folders));
    }

    /** The first commit: the shipped rules, tables and fixtures of a rules home. */
    private void seed(Path home) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String top : List.of("rules", "decision-tables", "fixtures")) {
            Path folder = home.resolve(top);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (!name.startsWith(".") && !name.startsWith("~$")) {
                        files.put(home.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            }
        }
        try {
            commit(PUBLISHED, null, null, null, files, SERVICE,
                    "Seed the rule store from the rules home (rules.home)\n\nStep: seeded");
        }
        catch (StoreConflictException e) {
            // another replica seeded it first: that seed is the store's
        }
    }

    /** The commit a branch points at, or null when there is no such branch. */
    public ObjectId head(String branch) throws IOException {
        Ref ref = repository.exactRef(Constants.R_HEADS + branch);
        return ref == null ? null : ref.getObjectId();
    }

    /** The branches whose names start with the prefix, without it. */
    public List<String> branches(String prefix) throws IOException {
        List<String> names = new ArrayList<>();
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS + prefix)) {
            names.add(ref.getName().substring((Constants.R_HEADS + prefix).length()));
        }
        return names;
    }

    /**
     * Makes a commit on {@code branch} from {@code parent} (none for a first commit) with
     * these files written over the parent's tree, or over {@code merged}'s when it is
     * given, which then becomes the second parent (a null content deletes the file); and
     * moves the branch to it only if it still points at {@code expected} (null: the
     * branch must not exist yet). A remote store is pushed; a refusal there is a conflict
     * too.
     */
    public synchronized ObjectId commit(String branch, ObjectId expected, ObjectId parent, ObjectId merged,
            Map<String, byte[]> files, PersonIdent author, String message) throws IOException, StoreConflictException {
        ObjectId commit;
        try (ObjectInserter inserter = repository.newObjectInserter();
                ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            ObjectId base = merged != null ? merged : parent;
            if (base != null) {
                builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, walk.parseCommit(base).getTree());
            }
            builder.finish();
            DirCacheEditor editor = index.editor();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (file.getValue() == null) {
                    editor.add(new DirCacheEditor.DeletePath(file.getKey()));
                    continue;
                }
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.getValue());
                editor.add(new DirCacheEditor.PathEdit(file.getKey()) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        entry.setFileMode(FileMode.REGULAR_FILE);
                        entry.setObjectId(blob);
                    }
                });
            }
            editor.finish();
            CommitBuilder built = new CommitBuilder();
            built.setTreeId(index.writeTree(inserter));
            if (parent != null && merged != null) {
                built.setParentIds(parent, merged);
            }
            else if (parent != null) {
                built.setParentId(parent);
            }
            built.setAuthor(new PersonIdent(author, Instant.now()));
            built.setCommitter(new PersonIdent(SERVICE, Instant.now()));
            built.setMessage(message);
            commit = inserter.insert(built);
            inserter.flush();
        }
        RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
        update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
        update.setNewObjectId(commit);
        update.setRefLogMessage("inspection-ratings: " + firstLine(message), false);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
            throw new StoreConflictException(branch + " has moved on (" + result + ")");
        }
        push(branch);
        return commit;
    }

    private void push(String branch) throws IOException, StoreConflictException {
        if (remote == null) {
            return;
        }
        try (Git git = new Git(repository)) {
            for (PushResult result : git.push()
                .setRemote("origin")
                .setCredentialsProvider(credentials)
                .setRefSpecs(new RefSpec(Constants.R_HEADS + branch + ":" + Constants.R_HEADS + branch))
                .call()) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK
                            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        fetch();
                        throw new StoreConflictException(
                                branch + " was refused by " + remote + ": " + update.getStatus());
                    }
                }
            }
        }
        catch (GitAPIException e) {
            throw new IOException("cannot push to the rule store " + remote + ": " + e.getMessage(), e);
        }
    }

    /**
     * A remote store's branches fetched into the mirror (they only ever move forward
     * there); nothing for a local one.
     */
    public synchronized void fetch() throws IOException {
        if (remote == null) {
            return;
        }
        try (Git git = new Git(repository)) {
            git.fetch()
                .setRemote("origin")
                .setCredentialsProvider(credentials)
                .setRefSpecs(new RefSpec("+" + Constants.R_HEADS + "*:" + Constants.R_HEADS + "*"))
                .call();
        }
        catch (GitAPIException e) {
            throw new IOException("cannot fetch the rule store " + remote + ": " + e.getMessage(), e);
        }
    }

    /**
     * The files under these folders at a commit, by path (regular files only: links are
     * not rule files).
     */
    public Map<String, byte[]> files(ObjectId commit, List<String> folders) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(commit).getTree());
            tree.setRecursive(true);
            for (String folder : folders) {
                ObjectId id = treeOf(commit, folder);
                if (id == null) {
                    continue;
                }
                try (TreeWalk inside = new TreeWalk(repository)) {
                    inside.addTree(id);
                    inside.setRecursive(true);
                    while (inside.next()) {
                        FileMode mode = inside.getFileMode(0);
                        if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                            files.put(folder + "/" + inside.getPathString(),
                                    repository.open(inside.getObjectId(0)).getBytes());
                        }
                    }
                }
            }
        }
        return files;
    }

    /**
     * The names of the folders directly under a top folder at a commit ({@code rules} →
     * framework ids).
     */
    public List<String> folders(ObjectId commit, String top) throws IOException {
        ObjectId id = treeOf(commit, top);
        List<String> names = new ArrayList<>();
        if (id == null) {
            return names;
        }
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(id);
            while (walk.next()) {
                if (walk.isSubtree() && !walk.getNameString().startsWith(".")) {
                    names.add(walk.getNameString());
                }
            }
        }
        return names;
    }

    /**
     * The tree object of a folder at a commit: equal ids, equal content. Null when there
     * is no such folder.
     */
    public ObjectId treeOf(ObjectId commit, String folder) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit parsed = walk.parseCommit(commit);
            try (TreeWalk tree = TreeWalk.forPath(repository, folder, parsed.getTree())) {
                return tree == null || !tree.isSubtree() ? null : tree.getObjectId(0);
            }
        }
    }

    /**
     * The commit's first parent (what its branch held before it), or null for a first
     * commit.
     */
    public ObjectId firstParent(ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit parsed = walk.parseCommit(commit);
            return parsed.getParentCount() == 0 ? null : parsed.getParent(0).getId();
        }
    }

    /** A branch's commits, newest first, following first parents. */
    public List<StoreCommit> log(String branch) throws IOException {
        ObjectId head = head(branch);
        List<StoreCommit> commits = new ArrayList<>();
        if (head == null) {
            return commits;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(head));
            for (RevCommit commit : walk) {
                commits.add(describe(commit));
            }
        }
        return commits;
    }

    public StoreCommit describe(ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            return describe(walk.parseCommit(id));
        }
    }

    private static StoreCommit describe(RevCommit commit) {
        Map<String, List<String>> trailers = new LinkedHashMap<>();
        for (FooterLine footer : commit.getFooterLines()) {
            trailers.computeIfAbsent(footer.getKey(), k -> new ArrayList<>()).add(footer.getValue());
        }
        return new StoreCommit(commit.getName(), commit.getAuthorIdent().getWhenAsInstant(),
                commit.getAuthorIdent().getName(), commit.getShortMessage(), trailers);
    }

    /**
     * The paths changed between two commits under a folder (added, changed or removed).
     */
    public List<String> changed(ObjectId older, ObjectId newer, String folder) throws IOException {
        TreeSet<String> paths = new TreeSet<>();
        Map<String, byte[]> before = older == null ? Map.of() : files(older, List.of(folder));
        Map<String, byte[]> after = files(newer, List.of(folder));
        after.forEach((path, content) -> {
            byte[] old = before.get(path);
            if (old == null || !java.util.Arrays.equals(old, content)) {
                paths.add(path);
            }
        });
        before.keySet().stream().filter(path -> !after.containsKey(path)).forEach(paths::add);
        return List.copyOf(paths);
    }

    /** The repository's size on disk, in bytes. */
    public long sizeOnDisk() {
        try (Stream<Path> walk = Files.walk(repository.getDirectory().toPath())) {
            return walk.filter(Files::isRegularFile).mapToLong(path -> {
                try {
                    return Files.size(path);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return repository.getDirectory().toPath();
    }

    public static PersonIdent person(String user) {
        return new PersonIdent(user, user.replaceAll("[^\\w.-]", "_") + "@users.inspection-ratings.invalid");
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    @Override
    public void close() {
        repository.close();
    }

}
