package cn.tongban.contracts.event;

import cn.tongban.contracts.CaseId;
import com.fasterxml.jackson.annotation.JsonIgnore;

/** The data of an event about one cross-center case; its case id is the event's subject and record key. */
public interface CaseEvent {

    CaseId caseId();

    @JsonIgnore
    EventType eventType();
}
