export async function run() {
  return { figures: [], skipped: ['not yet'] };
}
