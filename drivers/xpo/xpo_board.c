// SPDX-License-Identifier: GPL-2.0
/*
 * xpo: boards, the namespace of cage numbers.
 *
 * A cage is named by its board and its front-panel number on that board,
 * both from the cage's description ("xpo,board", "xpo,cage"; see
 * xpo_model.h): two rack units, or a PCIe board beside xpo_sim, each have
 * a cage 0.  The registry keys cages by (board, cage); a board exists
 * while it has a registered cage and owns what its cages share (the
 * debugfs directory).
 *
 * Board 0 is the board of a single-board system and keeps the short
 * names its cages always had ("cage3", "xpo3p0"); every other board's
 * names carry its number ("board1/cage3", "xpob1c3p0").
 */
#include <linux/export.h>
#include <linux/debugfs.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/xarray.h>

#include "xpo_core.h"

struct xpo_board {
	u32 nr;
	unsigned int cages;	/* registered cages, under xpo_boards_lock */
	struct dentry *debugfs;	/* board 0: the driver's debugfs root */
};

/*
 * Serialises registration against removal, so that a board is created
 * and freed with its first and last cage.  Lookups do not take it: the
 * cage xarray's own lock orders them against removal.
 */
static DEFINE_MUTEX(xpo_boards_lock);
static DEFINE_XARRAY(xpo_boards);
static DEFINE_XARRAY(xpo_cages);

static unsigned long xpo_cage_key(u32 board, u32 nr)
{
	return (unsigned long)board << XPO_CAGE_NR_BITS | nr;
}

static struct xpo_board *xpo_board_hold(u32 nr)
{
	struct xpo_board *board = xa_load(&xpo_boards, nr);

	lockdep_assert_held(&xpo_boards_lock);
	if (board) {
		board->cages++;
		return board;
	}
	board = kzalloc(sizeof(*board), GFP_KERNEL);
	if (!board)
		return NULL;
	board->nr = nr;
	board->cages = 1;
	if (xa_insert(&xpo_boards, nr, board, GFP_KERNEL)) {
		kfree(board);
		return NULL;
	}
	board->debugfs = xpo_debugfs_board_add(nr);
	return board;
}

static void xpo_board_release(struct xpo_board *board)
{
	lockdep_assert_held(&xpo_boards_lock);
	if (--board->cages)
		return;
	xa_erase(&xpo_boards, board->nr);
	xpo_debugfs_board_del(board->nr, board->debugfs);
	kfree(board);
}

/**
 * xpo_registry_add() - give a cage its name
 * @cage: the cage, with @board_nr and @nr from its description
 *
 * Return: 0; -EEXIST when the board already has a cage of that number,
 * -ENOMEM.
 */
int xpo_registry_add(struct xpo_cage *cage)
{
	struct xpo_board *board;
	int err;

	mutex_lock(&xpo_boards_lock);
	board = xpo_board_hold(cage->board_nr);
	if (!board) {
		err = -ENOMEM;
		goto unlock;
	}
	err = xa_insert(&xpo_cages, xpo_cage_key(cage->board_nr, cage->nr),
			cage, GFP_KERNEL);
	if (err == -EBUSY)
		err = -EEXIST;
	if (err)
		xpo_board_release(board);
	else
		cage->board = board;
unlock:
	mutex_unlock(&xpo_boards_lock);
	return err;
}

void xpo_registry_del(struct xpo_cage *cage)
{
	mutex_lock(&xpo_boards_lock);
	xa_erase(&xpo_cages, xpo_cage_key(cage->board_nr, cage->nr));
	xpo_board_release(cage->board);
	cage->board = NULL;
	mutex_unlock(&xpo_boards_lock);
}

/**
 * xpo_board_debugfs() - the debugfs directory of a cage's board
 * @cage: a registered cage
 */
struct dentry *xpo_board_debugfs(struct xpo_cage *cage)
{
	return cage->board->debugfs;
}

/**
 * xpo_cage_get() - find a cage by its name
 * @board: the board's number
 * @nr: the cage's front-panel number on that board
 *
 * Return: the cage with a reference the caller drops with xpo_cage_put(),
 * or NULL.  The reference keeps the structure, not the device: once the
 * cage is removed every call on it returns -ENODEV.
 */
struct xpo_cage *xpo_cage_get(u32 board, u32 nr)
{
	struct xpo_cage *cage;

	if (board > XPO_BOARD_MAX || nr > XPO_CAGE_NR_MAX)
		return NULL;
	xa_lock(&xpo_cages);
	cage = xa_load(&xpo_cages, xpo_cage_key(board, nr));
	if (cage)
		kref_get(&cage->ref);
	xa_unlock(&xpo_cages);
	return cage;
}
EXPORT_SYMBOL_GPL(xpo_cage_get);

/**
 * xpo_cage_get_next() - find the first cage from a position on
 * @pos: where to start; set to the position of the cage found, so that
 *	 *@pos + 1 continues after it
 *
 * For walks over all cages (netlink dumps) that may stop and resume: board
 * by board, each in cage number order.
 * Return: the cage with a reference, as xpo_cage_get(), or NULL.
 */
struct xpo_cage *xpo_cage_get_next(unsigned long *pos)
{
	struct xpo_cage *cage;

	xa_lock(&xpo_cages);
	cage = xa_find(&xpo_cages, pos, ULONG_MAX, XA_PRESENT);
	if (cage)
		kref_get(&cage->ref);
	xa_unlock(&xpo_cages);
	return cage;
}
