/**
 * Who reviews what: reviewer groups and their members, each account's owner group, and the ordered
 * routing rules that give a request its review stages, approve it on its own or deny it. Routing
 * knows nothing of requests: the request module asks it with the facts a rule matches on.
 */
@ApplicationModule(allowedDependencies = {"account", "identity", "policy :: analysis"})
@NullMarked
package dev.rolecall.routing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
