package cn.tongban.kit.messaging;

import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The replay command for dead letters, for a center's administrator or a platform operator. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@PreAuthorize("hasAnyRole('CENTER_ADMIN','PLATFORM_OPERATOR')")
@Tag(name = "dead letters", description = "Events this service could not process, with their reasons; replay")
@SecurityRequirement(name = "bearer")
class DeadLetterController {

    private final DeadLetterReplay replay;

    DeadLetterController(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @GetMapping("/topics")
    @Operation(summary = "The input topics whose dead letters this service owns")
    Set<String> topics() {
        return replay.inputTopics();
    }

    @GetMapping
    @Operation(summary = "Dead letters of an input topic not yet replayed, with the reason for each")
    List<DeadLetterReplay.DeadLetter> pending(@RequestParam String topic, @RequestParam(defaultValue = "100") int limit) {
        return replay.pending(known(topic), Math.max(1, Math.min(limit, 1000)));
    }

    @PostMapping("/replay")
    @Operation(summary = "Put every dead letter of an input topic not yet replayed back on that topic")
    Map<String, Object> replay(@RequestParam String topic) {
        return Map.of("topic", topic, "replayed", replay.replay(known(topic)));
    }

    private String known(String topic) {
        if (!replay.inputTopics().contains(topic)) {
            throw ApiProblem.invalidField("topic", "this service consumes " + replay.inputTopics() + ", not " + topic);
        }
        return topic;
    }
}
