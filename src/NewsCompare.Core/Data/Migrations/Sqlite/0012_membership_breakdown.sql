-- Each membership keeps the figures of the decision that placed it: every similarity feature's sub-score, weight and
-- contribution, and the threshold it was compared with (JSON, StoryExplanation.Breakdown). Rows placed before this
-- script have none (NULL): pages show "not recorded" until a regroup or a new decision writes one.
ALTER TABLE "StoryMemberships" ADD COLUMN "Breakdown" TEXT NULL;
