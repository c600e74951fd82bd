/** The directory that holds k8s-net's package.json (the repository, or the installed package). */
export declare function packageRoot(): string;
