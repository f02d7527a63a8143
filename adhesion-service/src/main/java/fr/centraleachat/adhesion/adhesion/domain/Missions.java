package fr.centraleachat.adhesion.adhesion.domain;

/**
 * What the member hands over (L2113-4): it is deemed to have met its publicity and competition duties only for
 * these missions.
 */
public enum Missions {
    PASSATION,
    PASSATION_ET_EXECUTION
}
