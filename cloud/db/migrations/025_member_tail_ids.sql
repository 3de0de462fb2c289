-- A member's tail (member_ledgers.tail, migration 010) names its events by id
-- instead of holding copies of them: a push wrote every plain sale twice, in
-- `events` and again in the tail (half as many bytes again as the events
-- themselves), and an erasure's redaction now reaches the tail by itself.
-- Tails written before hold the events themselves; both kinds of element read
-- back the same way, as the events' JSON list in the tail's order.
CREATE FUNCTION member_tail_events(p_chain_id text, p_tail text) RETURNS text
LANGUAGE sql STABLE STRICT AS $$
  SELECT coalesce(json_agg(
           CASE WHEN jsonb_typeof(t.element) = 'string' THEN
             (SELECT json_build_object('id', e.id, 'chainId', e.chain_id, 'storeId', e.store_id,
                       'terminalId', e.terminal_id, 'hlc', e.hlc, 'type', e.type,
                       'memberId', e.member_id, 'payload', e.payload,
                       'schemaVersion', e.schema_version)
                FROM events e WHERE e.chain_id = p_chain_id AND e.id = t.element #>> '{}')
           ELSE t.element::json END
           ORDER BY t.n)::text, '[]')
    FROM jsonb_array_elements(p_tail::jsonb) WITH ORDINALITY AS t(element, n)
$$;
