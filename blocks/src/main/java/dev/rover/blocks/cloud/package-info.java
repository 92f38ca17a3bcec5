/**
 * Clients for the outside services Skyvern's service blocks and vault parameters talk to: AWS S3 and
 * Secrets Manager (through the AWS SDK for Java v2, endpoint overridable) and SMTP settings.
 */
package dev.rover.blocks.cloud;
