/** Liveness: the function runs. It reads nothing, so it stays cheap and public. */
export async function getHealth(): Promise<{ status: 'ok'; service: 'ocop-pulse'; time: string }> {
  return { status: 'ok', service: 'ocop-pulse', time: new Date().toISOString() };
}
