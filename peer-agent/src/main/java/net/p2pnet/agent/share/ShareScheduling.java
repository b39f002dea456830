package net.p2pnet.agent.share;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The share rescan runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ShareScheduling {
}
