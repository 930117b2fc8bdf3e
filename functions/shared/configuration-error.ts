/** A setting the function needs (an environment variable) is missing or malformed. */
export class MissingConfigurationError extends Error {
  override name = 'MissingConfigurationError';
}
