// Wire types of the roster import report (docs/api.md, "Roster import and export").

export type ImportAction = 'create' | 'update' | 'unchanged' | 'refuse';

export interface ImportColumn {
  index: number;
  header: string;
  field: string; // field code, 'ignore' when unmapped
  label: string;
  detected: boolean;
}

export interface ImportRow {
  row: number;
  action: ImportAction;
  member_id: number | null;
  full_name: string;
  cell: string;
  changes: { field: string; label: string; before: string; after: string }[];
  problems: { column: string; code: string; message: string }[];
  candidates: string[];
  notes: string[];
}

export interface ImportReport {
  file_name: string;
  sha256: string;
  format: string;
  encoding: string;
  converted_cells: number;
  header_row: number;
  columns: ImportColumn[];
  fields: { field: string; label: string }[];
  rows: ImportRow[];
  counts: Record<ImportAction, number>;
  missing_cells: string[];
  created_cells: string[];
  committed: boolean;
}

export const actionLabel: Record<ImportAction, string> = {
  create: 'Thêm mới',
  update: 'Cập nhật',
  unchanged: 'Không đổi',
  refuse: 'Từ chối',
};
