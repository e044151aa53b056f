package org.kubeplay.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version that Maven wrote into the jar's manifest. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {"kubeplay " + (version == null ? "(development build)" : version)};
  }
}
