/**
 * Checks of the deployment files at the repository root ({@code docker-compose.yml}, {@code k8s/}, {@code deploy/}):
 * they run in {@code ./mvnw verify} without a Docker engine or a cluster.
 */
package org.credstack.deploy;
