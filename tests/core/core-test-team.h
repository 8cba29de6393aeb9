/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core-test-team.h: a small project coded by three coders (ana, ben, cleo),
 * with the importer's page furniture, for the team annotation tests. */
#pragma once

#include "hearsay-project.h"
#include "hearsay-project-team.h"

G_BEGIN_DECLS

extern const char core_test_team_french[];
extern const char core_test_team_arabic[];

typedef struct
{
  HearsayProject *project;
  char *path;
  gint64 doc1;            /* French */
  gint64 doc2;            /* Arabic */
  gint64 ana_claim;       /* doc1, agreed with ben's claim on label and span */
  gint64 ana_source;      /* doc1 */
  gint64 ben_claim;
  gint64 ben_source;      /* doc1, a shorter span than ana's */
  gint64 ben_extra;       /* doc1, a claim only ben marked */
  gint64 boilerplate;     /* doc1, the importer's */
} CoreTestTeam;

/* Builds the project at a new temporary path named @name. */
void   core_test_team_build  (CoreTestTeam   *team,
                              const char     *name);
void   core_test_team_clear  (CoreTestTeam   *team);
/* One annotation of @coder with one span and, when @attribute is given,
 * one attribute value. */
gint64 core_test_team_annotate (HearsayProject *project,
                                const char     *coder,
                                gint64          document,
                                const char     *label,
                                gint64          start,
                                gint64          end,
                                const char     *attribute,
                                const char     *value);
/* The span of @needle in @text, in code points. */
void   core_test_team_span   (const char     *text,
                              const char     *needle,
                              gint64         *start,
                              gint64         *end);

G_END_DECLS
