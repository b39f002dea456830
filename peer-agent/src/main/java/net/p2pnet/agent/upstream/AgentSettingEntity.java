package net.p2pnet.agent.upstream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named value that survives restarts (table {@code agent_setting}). */
@Entity
@Table(name = "agent_setting")
class AgentSettingEntity {

    @Id
    @Column(name = "setting_name")
    private String name;
    @Column(name = "setting_value")
    private String value;

    protected AgentSettingEntity() {
    }

    AgentSettingEntity(String name, String value) {
        this.name = name;
        this.value = value;
    }

    String value() {
        return value;
    }
}
