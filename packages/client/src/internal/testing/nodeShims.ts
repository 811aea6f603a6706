// msw 3 needs Node 22 (Promise.withResolvers, Set#intersection, Set#difference) while this
// repository runs on Node 20. Test-only: the client itself needs nothing beyond Node 20.
const promise = Promise as PromiseConstructor & { withResolvers?: () => unknown };
promise.withResolvers ??= () => {
  let resolve: unknown;
  let reject: unknown;
  const pending = new Promise((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise: pending, resolve, reject };
};

type SetOperation = (this: Set<unknown>, other: ReadonlySet<unknown>) => Set<unknown>;
const setMethods = Set.prototype as unknown as Record<
  'intersection' | 'difference',
  SetOperation | undefined
>;
setMethods.intersection ??= function (other) {
  return new Set([...this].filter((value) => other.has(value)));
};
setMethods.difference ??= function (other) {
  return new Set([...this].filter((value) => !other.has(value)));
};
