/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-member.h: a member of a project shared on a server — a login and
 * the role the server enforces for it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  HEARSAY_MEMBER_ROLE_NONE,     /* a project file: no roles, every edit allowed */
  HEARSAY_MEMBER_ROLE_CODER,    /* edits their own layer (annotator = login) */
  HEARSAY_MEMBER_ROLE_CURATOR,  /* reads every layer, writes the gold layer */
  HEARSAY_MEMBER_ROLE_OWNER,    /* scheme, documents, members; every layer */
} HearsayMemberRole;

/* The annotator name of the curated layer a curator writes. */
#define HEARSAY_GOLD_ANNOTATOR "gold"

typedef struct
{
  char *name;                /* the server login, also the coder's annotator name */
  HearsayMemberRole role;
} HearsayMember;

void               hearsay_member_free             (HearsayMember     *member);
/* "coder", "curator", "owner" (NULL for NONE). */
const char        *hearsay_member_role_to_string   (HearsayMemberRole  role);
/* FALSE for anything else. */
gboolean           hearsay_member_role_from_string (const char        *text,
                                                    HearsayMemberRole *role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayMember, hearsay_member_free)

G_END_DECLS
