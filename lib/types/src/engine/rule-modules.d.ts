export declare function ruleModules(): Promise<Array<[file: string, module: unknown]>>;
