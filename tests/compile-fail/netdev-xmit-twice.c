// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: handing the packet of a transmit call on twice in straight-line
 * code. The stack would see the buffer freed twice, or freed while the
 * peer receives it; every hand-off helper clears the driver's handle, and
 * a second hand-off of a handle known to be cleared does not build. (A
 * second hand-off the compiler cannot see, through a copy of the handle,
 * is refused at run time: KUnit safe_netdev_handoff_bugs_test.)
 * Checker: gcc
 * Misuses: 2
 * Expect: packet already handed on
 */
#include <linux/module.h>
#include <linux/safe/netdev.h>

struct cf_priv {
	struct safe_pkt_queue kept;
};

DECLARE_SAFE_NETDEV(cf, struct cf_priv);

static struct safe_tx_done cf_xmit(const struct cf_priv *priv,
				   struct safe_tx *tx, struct safe_pkt *pkt)
{
#if MISUSE == 1
	struct safe_tx_done done = safe_tx_to_peer(tx, pkt);

	done = safe_tx_drop(tx, pkt);
	return done;
#elif MISUSE == 2
	struct safe_tx_done done = safe_tx_keep(tx, &priv->kept, pkt);

	safe_pkt_free(pkt);
	return done;
#else
	if (safe_pkt_len(pkt) > 1500)
		return safe_tx_drop(tx, pkt);
	return safe_tx_keep(tx, &priv->kept, pkt);
#endif
}

static const struct cf_netdev_ops cf_ops = { .xmit = cf_xmit };

struct safe_netdev_driver cf_driver = {
	.kind = "cf",
	SAFE_NETDEV_OPS(cf, &cf_ops),
};
