package dev.st4j.trainer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The one training run allowed in a project folder at a time: an operating-system lock on {@code .st4j.lock}, which
 * the system releases when its process ends in any way, so a lock left by a killed run is simply free again.
 */
final class ProjectLock implements AutoCloseable {
    static final String FILE = ".st4j.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the project's lock and records this process in it.
     *
     * @throws IllegalArgumentException (one line) when another run holds it
     */
    static ProjectLock acquire(Path project) throws IOException {
        Files.createDirectories(project);
        Path file = project.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new IllegalArgumentException("project_name: " + project + " is in use by another training run"
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + "; wait for it to end or choose another project_name");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + Instant.now())
                .getBytes(StandardCharsets.UTF_8)), 0);
        return new ProjectLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
