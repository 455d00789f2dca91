// SPDX-License-Identifier: GPL-2.0
/*
 * tests/vm/selftest's proof that the debug kernel's checkers work and that
 * tests/vm/run fails a run on what they report: on load, the module commits
 * the one bug named by its "bug" parameter, then stays loaded harmlessly.
 * Built only against the debug kernel (scripts/debug-kernel), never shipped.
 * The bugs live in functions of their own (noinline) so that the reports
 * name them.
 *
 *   lockdep  takes two mutexes in both orders (no deadlock: one thread)
 *   kasan    reads one byte past a kmalloc()ed buffer
 *   leak     loses the only pointers to a few kmalloc()ed buffers
 *   ubsan    shifts an int by more than its width
 *   odebug   frees a pending timer (debug objects deactivates it first)
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>

static char *bug = "";
module_param(bug, charp, 0444);
MODULE_PARM_DESC(bug, "lockdep, kasan, leak, ubsan or odebug");

/* Runtime values, so that the compiler can neither see nor fold the bugs. */
static unsigned int past = 16;
module_param(past, uint, 0444);
static unsigned int shift = 40;
module_param(shift, uint, 0444);

static DEFINE_MUTEX(kbugs_a);
static DEFINE_MUTEX(kbugs_b);

static noinline void kbugs_lockdep(void)
{
	mutex_lock(&kbugs_a);
	mutex_lock(&kbugs_b);
	mutex_unlock(&kbugs_b);
	mutex_unlock(&kbugs_a);

	mutex_lock(&kbugs_b);
	mutex_lock(&kbugs_a);
	mutex_unlock(&kbugs_a);
	mutex_unlock(&kbugs_b);
}

static noinline int kbugs_kasan(void)
{
	char *p = kmalloc(16, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	pr_info("xpo_vm_kbugs: read past the end: %d\n", READ_ONCE(p[past]));
	kfree(p);
	return 0;
}

static noinline void kbugs_leak(void)
{
	void *p;
	int i;

	/* Each pointer overwrites the last one: all but the last are lost at
	 * once, and the last one when this function returns.
	 */
	for (i = 0; i < 8; i++) {
		p = kmalloc(128, GFP_KERNEL);
		if (p)
			memset(p, 0x5a, 128);
	}
}

static noinline void kbugs_ubsan(void)
{
	pr_info("xpo_vm_kbugs: 1 << %u = %d\n", shift, 1 << shift);
}

struct kbugs_timer {
	struct timer_list timer;
};

static void kbugs_timer_fn(struct timer_list *t)
{
}

static noinline int kbugs_odebug(void)
{
	struct kbugs_timer *k = kzalloc(sizeof(*k), GFP_KERNEL);

	if (!k)
		return -ENOMEM;
	timer_setup(&k->timer, kbugs_timer_fn, 0);
	mod_timer(&k->timer, jiffies + 3600 * HZ);
	kfree(k);
	return 0;
}

static int __init kbugs_init(void)
{
	pr_info("xpo_vm_kbugs: bug=%s\n", bug);
	if (!strcmp(bug, "lockdep"))
		kbugs_lockdep();
	else if (!strcmp(bug, "kasan"))
		return kbugs_kasan();
	else if (!strcmp(bug, "leak"))
		kbugs_leak();
	else if (!strcmp(bug, "ubsan"))
		kbugs_ubsan();
	else if (!strcmp(bug, "odebug"))
		return kbugs_odebug();
	else if (*bug)
		return -EINVAL;
	return 0;
}
module_init(kbugs_init);

static void __exit kbugs_exit(void)
{
}
module_exit(kbugs_exit);

MODULE_DESCRIPTION("tests/vm/selftest: bugs for the debug kernel's checkers");
MODULE_LICENSE("GPL");
