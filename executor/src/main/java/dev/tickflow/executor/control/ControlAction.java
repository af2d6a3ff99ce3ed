package dev.tickflow.executor.control;

/** The operator actions (the contract's OperatorAction); SET_PARAMETERS is the strategy service's and ignored here. */
public enum ControlAction {
    PAUSE, RESUME, FORCE_EXIT, CANCEL_ALL, LIFT_HALT, SET_PARAMETERS
}
