/**
 * The YAML writer and full parser (`yaml`), loaded when first needed: linting
 * reads with js-yaml and needs `yaml` only to place a finding the fast
 * locator cannot, to read a config file, or to write a fix.
 */
export type YamlModule = typeof import('yaml');
/** The `yaml` module, imported once. */
export declare function loadYaml(): Promise<YamlModule>;
