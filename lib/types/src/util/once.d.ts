/**
 * What is worked out from an object once, and then shared: a function of one
 * object whose result is kept while the object lives (in a WeakMap). For what
 * many rules ask of one index, pod template or Ingress in a run; the results
 * are shared by every caller, and not to be changed.
 */
export declare function onceFor<K extends object, V>(compute: (key: K) => V): (key: K) => V;
