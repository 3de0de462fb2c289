// What src/core may use beyond ECMAScript (tsconfig.core.json has no Node or DOM
// types). structuredClone is deterministic and does no I/O; Node and browsers
// both have it.
declare function structuredClone<T>(value: T): T;
