package org.accesscentre.portal.http;

import io.javalin.security.RouteRole;

/** Who may call a route. */
public enum Access implements RouteRole {
    /** Anyone: health, enrolment and the device challenge. */
    PUBLIC,
    /** An enrolled, unrevoked device with a current token. */
    DEVICE,
    /** A person allowed to look: the ICT office or read-only. */
    READ,
    /** The ICT office: anything that changes the fleet or who may do what. */
    ADMIN,
    /** An agency officer (their own agency only) or the ICT office. */
    AGENCY
}
