-- Multi-page previews (issue 15): the document's page count and how many page images the preview set holds.
ALTER TABLE "renditions" ADD COLUMN "PageCount" INTEGER NULL;
ALTER TABLE "renditions" ADD COLUMN "PreviewPages" INTEGER NULL;
