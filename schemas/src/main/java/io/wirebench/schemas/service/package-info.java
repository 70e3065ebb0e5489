/**
 * The messages the scenario services exchange besides the payloads of {@code model}: the replies of the
 * order pipeline's gateway, order, inventory and payment services, the analytics service's
 * acknowledgements and snapshots, and the file service's chunk acknowledgements and summaries. Part of
 * the wire contract: every codec carries them (Kryo registers each, in a fixed order).
 */
package io.wirebench.schemas.service;
