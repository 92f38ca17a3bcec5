/**
 * The exceptions Rover's API throws on purpose, rooted in RoverException: InvalidRequestException
 * and its kinds for requests to fix, RunTimeoutException for waits that ran out,
 * RoverStateException for calls that cannot be served now.
 */
package dev.rover.core.error;
