package io.wirebench.transport.server;

import io.wirebench.transport.nats.ManagedNatsServer;
import io.wirebench.transport.rabbitmq.ManagedRabbitMqServer;
import io.wirebench.transport.redis.ManagedRedisServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManagedServerTest {

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("nats-server", (Supplier<ManagedServer>) ManagedNatsServer::new),
                Arguments.of("redis-server", (Supplier<ManagedServer>) ManagedRedisServer::new),
                Arguments.of("rabbitmq-server", (Supplier<ManagedServer>) ManagedRabbitMqServer::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void startsOnLoopbackOnlyAndStopsWithItsWholeTree(String name, Supplier<ManagedServer> factory) throws Exception {
        ManagedServer server = factory.get();
        List<ProcessHandle> tree;
        try {
            server.start();
            assertTrue(server.isRunning());
            assertTrue(Files.isDirectory(server.directory()), "own directory");
            assertTrue(server.directory().toString().contains("target/wirebench-servers"), server.directory().toString());
            assertTrue(canConnect("127.0.0.1", server.port()), name + " answers on loopback");
            for (InetAddress other : otherAddresses()) {
                assertFalse(canConnect(other.getHostAddress(), server.port()), name + " must not listen on " + other);
            }
            tree = Stream.concat(Stream.of(server.process()), server.process().descendants()).toList();
        } finally {
            server.close();
        }
        for (ProcessHandle process : tree) {
            assertFalse(Processes.running(process), "left running: " + process.pid() + " " + process.info().commandLine().orElse(""));
        }
        assertFalse(canConnect("127.0.0.1", server.port()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aKilledServerRestartsOnItsPortAndAPausedOneResumes(String name, Supplier<ManagedServer> factory) throws Exception {
        ManagedServer server = factory.get();
        try {
            server.start();
            int port = server.port();
            ProcessHandle first = server.process();
            server.kill();
            assertFalse(Processes.running(first), name + " killed");
            assertFalse(server.isRunning());
            long closing = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (canConnect("127.0.0.1", port) && System.nanoTime() < closing) {
                Thread.sleep(50);
            }
            assertFalse(canConnect("127.0.0.1", port), "nothing listens while " + name + " is down: "
                    + ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").contains(name)).map(p -> p.pid() + " "
                    + p.info().commandLine().orElse("")).toList());
            server.restart();
            assertEquals(port, server.port(), "same port, so clients reconnect to it");
            assertTrue(server.ready(port), name + " answers again after the restart");
            server.pause();
            assertFalse(server.ready(port), "a paused " + name + " does not answer");
            assertTrue(Processes.running(server.process()), "but it is not dead");
            server.resume();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!server.ready(port) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(server.ready(port), name + " answers after SIGCONT");
        } finally {
            server.close();
        }
        assertFalse(server.isRunning());
    }

    @Test
    void aPortTakenBetweenThePickAndTheBindIsRecognisedForAnotherAttempt() {
        assertTrue(ManagedServer.portTaken("... {dist_port_already_used,43161,not_erlang,\"localhost\"} ..."), "RabbitMQ");
        assertTrue(ManagedServer.portTaken("[FTL] Error listening on port: 127.0.0.1:4222, \"listen tcp: bind: address already in use\""), "nats");
        assertTrue(ManagedServer.portTaken("Warning: Could not create server TCP listening socket 127.0.0.1:6379: bind: Address already in use"), "redis");
        assertFalse(ManagedServer.portTaken("nats-server exited with code 1 before it was ready: unknown option"), "other failures are not retried");
    }

    @Test
    void aMissingBinaryNamesThePackageAndSetup() {
        ManagedServer missing = new ManagedServer("no-such-server", "no-such-package", Duration.ofSeconds(5)) {
            @Override
            protected List<String> command(Path binary, int port, Path directory) {
                return List.of(binary.toString());
            }

            @Override
            protected boolean ready(int port) {
                return false;
            }

            @Override
            protected List<Path> binaryCandidates() {
                return List.of(Path.of("/nonexistent/no-such-server"));
            }
        };
        ServerStartException e = assertThrows(ServerStartException.class, missing::start);
        assertTrue(e.getMessage().contains("'no-such-package'") && e.getMessage().contains("scripts/setup"), e.getMessage());
    }

    @Test
    void aServerThatDiesAtStartShowsItsCommandAndLog() {
        ManagedServer broken = new ManagedServer("redis-server", "redis-server", Duration.ofSeconds(10)) {
            @Override
            protected List<String> command(Path binary, int port, Path directory) {
                return List.of(binary.toString(), "--port", Integer.toString(port), "--no-such-option", "yes");
            }

            @Override
            protected boolean ready(int port) {
                return false;
            }

            @Override
            protected List<Path> binaryCandidates() {
                return new ManagedRedisServer().binaryCandidates();
            }
        };
        ServerStartException e = assertThrows(ServerStartException.class, broken::start);
        assertTrue(e.getMessage().contains("exited with code") && e.getMessage().contains("--no-such-option"), e.getMessage());
        assertTrue(e.getMessage().contains("last lines of"), e.getMessage());
    }

    @Test
    void aServerThatNeverAnswersIsStoppedAtTheDeadline() {
        ManagedServer mute = new ManagedServer("sleep", "coreutils", Duration.ofMillis(800)) {
            @Override
            protected List<String> command(Path binary, int port, Path directory) {
                return List.of(binary.toString(), "60");
            }

            @Override
            protected boolean ready(int port) {
                return false;
            }

            @Override
            protected List<Path> binaryCandidates() {
                return List.of(Path.of("/usr/bin/sleep"), Path.of("/bin/sleep"));
            }
        };
        ServerStartException e = assertThrows(ServerStartException.class, mute::start);
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        assertFalse(mute.isRunning());
    }

    @Test
    void orphansOfADeadOwnerAreReaped() throws Exception {
        Process orphan = new ProcessBuilder("sleep", "60").start();
        // an owner that is gone: a process that has already exited
        Process owner = new ProcessBuilder("true").start();
        owner.waitFor(5, TimeUnit.SECONDS);
        Path file = ServerReaper.register(orphan.toHandle(), "test orphan");
        String text = Files.readString(file).replaceFirst("owner=\\d+", "owner=" + owner.pid());
        Files.writeString(file, text);
        assertTrue(ServerReaper.reapOrphans() >= 1);
        assertTrue(orphan.waitFor(10, TimeUnit.SECONDS), "orphan still running");
        assertFalse(Files.exists(file));
    }

    @Test
    void serversOfALiveOwnerAreLeftAlone() throws Exception {
        Process mine = new ProcessBuilder("sleep", "60").start();
        Path file = ServerReaper.register(mine.toHandle(), "test live");
        try {
            ServerReaper.reapOrphans();
            assertTrue(mine.isAlive());
        } finally {
            ServerReaper.stop(mine.toHandle(), 1);
            ServerReaper.unregister(file);
        }
    }

    @Test
    void pidFilesLiveInAPrivateFolderAndAreWrittenWhole() throws Exception {
        Process mine = new ProcessBuilder("sleep", "60").start();
        Path file = ServerReaper.register(mine.toHandle(), "test private");
        try {
            assertEquals(ServerReaper.DIRECTORY, file.getParent());
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(ServerReaper.DIRECTORY, java.nio.file.LinkOption.NOFOLLOW_LINKS)));
            assertFalse(ServerReaper.DIRECTORY.startsWith(Path.of(System.getProperty("java.io.tmpdir"))),
                    "not the shared temp folder: " + ServerReaper.DIRECTORY);
            try (var entries = Files.list(ServerReaper.DIRECTORY)) {
                assertTrue(entries.noneMatch(p -> p.toString().endsWith(".tmp")), "no half-written pid file left");
            }
            assertTrue(Files.readString(file).contains("start="), Files.readString(file));
        } finally {
            ServerReaper.stop(mine.toHandle(), 1);
            ServerReaper.unregister(file);
        }
    }

    @Test
    void aPlantedSymlinkIsRemovedNeverFollowed() throws Exception {
        Path target = Files.createTempFile("wirebench-victim", ".txt");
        Files.writeString(target, "keep me");
        ServerReaper.directory();
        Path link = ServerReaper.DIRECTORY.resolve("999999999.pid");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target);
        try {
            ServerReaper.reapOrphans();
            assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the planted link is gone");
            assertEquals("keep me", Files.readString(target), "its target untouched");
            // registering over a planted link replaces the link, it does not write through it
            Files.createSymbolicLink(link, target);
            Process mine = new ProcessBuilder("sleep", "60").start();
            Path file = ServerReaper.register(mine.toHandle(), "test over a link");
            try {
                Path planted = ServerReaper.DIRECTORY.resolve(mine.pid() + ".pid");
                Files.deleteIfExists(planted);
                Files.createSymbolicLink(planted, target);
                Path again = ServerReaper.register(mine.toHandle(), "test over a link");
                assertFalse(Files.isSymbolicLink(again), "the pid file replaced the link");
                assertEquals("keep me", Files.readString(target));
            } finally {
                ServerReaper.stop(mine.toHandle(), 1);
                ServerReaper.unregister(file);
            }
        } finally {
            Files.deleteIfExists(link);
            Files.deleteIfExists(target);
        }
    }

    @Test
    void aForeignPidFileStopsNothing() throws Exception {
        Process bystander = new ProcessBuilder("sleep", "60").start();
        Process owner = new ProcessBuilder("true").start();
        owner.waitFor(5, TimeUnit.SECONDS);
        ServerReaper.directory();
        Path noStart = ServerReaper.DIRECTORY.resolve("foreign-a.pid");
        Path wrongStart = ServerReaper.DIRECTORY.resolve("foreign-b.pid");
        try {
            // a dead owner and the bystander's pid, without a start time and with a wrong one
            Files.writeString(noStart, "owner=" + owner.pid() + "\npid=" + bystander.pid() + "\n");
            Files.writeString(wrongStart, "owner=" + owner.pid() + "\npid=" + bystander.pid() + "\nstart=2000-01-01T00:00:00Z\n");
            ServerReaper.reapOrphans();
            assertTrue(bystander.isAlive(), "a pid without its start time stops nothing");
            assertFalse(Files.exists(noStart) || Files.exists(wrongStart), "the stale entries are removed");
        } finally {
            ServerReaper.stop(bystander.toHandle(), 1);
            Files.deleteIfExists(noStart);
            Files.deleteIfExists(wrongStart);
        }
    }

    static boolean canConnect(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static List<InetAddress> otherAddresses() throws IOException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && a instanceof java.net.Inet4Address)
                .toList();
    }
}
