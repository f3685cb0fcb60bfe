package org.credstack.testsupport;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records the commands a service sends to the store while a {@link Recording} is open, so that a test can count the
 * round trips a request or a pipeline step costs. A service's integration-test base class imports it ({@code
 * @Import(StoreCommands.class)}), so every context of that service has it and the context cache still holds one.
 *
 * <pre>{@code
 * try (StoreCommands.Recording recording = store.record()) {
 *     ... the request or the step ...
 *     commands = recording.commands();     // each Command(name "find", collection "learners", json of the command)
 * }
 * }</pre>
 */
@Configuration(proxyBeanMethods = false)
public class StoreCommands implements CommandListener {

    /** One command as sent: its name ({@code find}, {@code insert}, ...), its collection and the whole command. */
    public record Command(String name, String collection, String json) {}

    private final Set<Recording> open = new CopyOnWriteArraySet<>();

    @Bean
    MongoClientSettingsBuilderCustomizer recordStoreCommands() {
        return settings -> settings.addCommandListener(this);
    }

    /** Starts recording every command of this service's client, from any thread, until the recording is closed. */
    public Recording record() {
        Recording recording = new Recording();
        open.add(recording);
        return recording;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (open.isEmpty()) {
            return;
        }
        String name = event.getCommandName();
        var value = event.getCommand().get(name);
        Command command = new Command(
                name,
                value != null && value.isString() ? value.asString().getValue() : "",
                event.getCommand().toJson());
        open.forEach(recording -> recording.commands.add(command));
    }

    /** The commands sent while it is open. */
    public final class Recording implements AutoCloseable {

        private final Queue<Command> commands = new ConcurrentLinkedQueue<>();

        /** The commands so far, in the order they were started. */
        public List<Command> commands() {
            return List.copyOf(commands);
        }

        @Override
        public void close() {
            open.remove(this);
        }
    }
}
