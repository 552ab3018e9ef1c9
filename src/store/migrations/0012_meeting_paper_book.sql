-- A meeting entered after the fact from the cell's paper minutes book (sổ biên
-- bản sinh hoạt chi bộ). The book shows what was held and decided, not when the
-- chi ủy prepared or when notices and documents went out, so preparation-timing
-- rules do not judge such a record.
ALTER TABLE meetings ADD COLUMN from_paper_book INTEGER NOT NULL DEFAULT 0;
