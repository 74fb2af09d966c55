import { createMetrics } from '../../src/observability/metrics.js';
import { metricsAuthorized } from '../../src/security/metricsAuth.js';

function sample(body: string, name: string): number | undefined {
  const line = body.split('\n').find((l) => l.split(' ')[0] === name);
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

describe('metrics', () => {
  it('renders every required series in Prometheus text format', async () => {
    const m = createMetrics();
    m.observeTurn('ok', 0.004);
    m.observeTurn('error', 0.2);
    m.requestStored('urgent');
    m.requestStored('urgent');
    m.delivery('success');
    m.delivery('failure');
    m.deliveryRetry();
    m.deadLetter();
    m.rejected('rate_limit_ip');
    m.setActiveConversationsSource(async () => 7);
    const { contentType, body } = await m.render();
    expect(contentType).toMatch(/^text\/plain/);
    expect(sample(body, 'gp_intake_turns_total{outcome="ok"}')).toBe(1);
    expect(sample(body, 'gp_intake_turns_total{outcome="error"}')).toBe(1);
    expect(sample(body, 'gp_intake_turn_duration_seconds_bucket{le="0.005",outcome="ok"}')).toBe(1);
    expect(sample(body, 'gp_intake_turn_duration_seconds_bucket{le="0.001",outcome="ok"}')).toBe(0);
    expect(sample(body, 'gp_intake_requests_stored_total{tier="urgent"}')).toBe(2);
    expect(sample(body, 'gp_intake_requests_stored_total{tier="emergency"}')).toBe(0);
    expect(sample(body, 'gp_intake_deliveries_total{result="success"}')).toBe(1);
    expect(sample(body, 'gp_intake_deliveries_total{result="failure"}')).toBe(1);
    expect(sample(body, 'gp_intake_delivery_retries_total')).toBe(1);
    expect(sample(body, 'gp_intake_dead_letters_total')).toBe(1);
    expect(sample(body, 'gp_intake_http_rejections_total{reason="rate_limit_ip"}')).toBe(1);
    expect(sample(body, 'gp_intake_active_conversations')).toBe(7);
    expect(body).toContain('gp_intake_process_cpu_seconds_total');
    expect(body).toContain('gp_intake_nodejs_heap_size_used_bytes');
  });

  it('times a turn with startTurn', async () => {
    const m = createMetrics({ defaultMetrics: false });
    const end = m.startTurn();
    end('ok');
    const { body } = await m.render();
    expect(sample(body, 'gp_intake_turn_duration_seconds_count{outcome="ok"}')).toBe(1);
  });

  it('keeps the scrape working when the active-conversation source fails', async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.setActiveConversationsSource(() => {
      throw new Error('disk gone');
    });
    await expect(m.render()).resolves.toHaveProperty('body');
  });

  it('allows two independent registries in one process', () => {
    expect(() => {
      createMetrics();
      createMetrics();
    }).not.toThrow();
  });
});

describe('metricsAuthorized', () => {
  it('is open without a token and needs the exact bearer with one', () => {
    expect(metricsAuthorized(undefined, undefined)).toBe(true);
    const t = 't'.repeat(24);
    expect(metricsAuthorized(`Bearer ${t}`, t)).toBe(true);
    expect(metricsAuthorized(`bearer ${t}`, t)).toBe(true);
    expect(metricsAuthorized(undefined, t)).toBe(false);
    expect(metricsAuthorized(`Bearer ${t}x`, t)).toBe(false);
    expect(metricsAuthorized(t, t)).toBe(false);
  });
});
