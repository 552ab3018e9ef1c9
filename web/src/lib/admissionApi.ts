// The new-member pipeline (phát triển đảng viên): types generated from docs/openapi.json and the calls.
import { api } from './api';
import type { components } from './api-schema';

export type Candidate = components['schemas']['Candidate'];
export type CandidateStage = components['schemas']['CandidateStage'];
export type CandidateList = components['schemas']['CandidateList'];
export type AdmissionPipeline = components['schemas']['AdmissionPipeline'];
export type CandidateDocument = components['schemas']['CandidateDocument'];
export type StageCode = Candidate['stage'];

/** What each stage is called when it is the next thing to do. */
export const stageAction: Record<StageCode, string> = {
  listed: 'Đưa vào danh sách',
  course_completed: 'Ghi nhận giấy chứng nhận lớp bồi dưỡng',
  introduced: 'Ghi nhận đơn và người giới thiệu',
  cell_voted: 'Ghi nhận chi bộ biểu quyết đề nghị kết nạp',
  decided: 'Ghi nhận quyết định kết nạp',
  admitted: 'Ghi nhận lễ kết nạp',
  official_voted: 'Ghi nhận chi bộ đề nghị công nhận chính thức',
  official: 'Ghi nhận quyết định công nhận chính thức',
  refused: 'Ghi nhận không kết nạp / không công nhận',
};

export const deadlineLabel: Record<string, string> = {
  ceremony: 'Hạn tổ chức lễ kết nạp',
  official_review: 'Hạn xét công nhận chính thức',
};

export const candidatesOf = (cellId: number) => api.get<CandidateList>(`/orgs/${cellId}/candidates`);
export const pipelineOf = (orgId: number) => api.get<AdmissionPipeline>(`/orgs/${orgId}/admission-pipeline`);
export const getCandidate = (id: number) => api.get<Candidate>(`/candidates/${id}`);
export const createCandidate = (cellId: number, body: Record<string, unknown>) =>
  api.post<Candidate>(`/orgs/${cellId}/candidates`, body);
export const recordStage = (id: number, body: Record<string, unknown>) => api.post<Candidate>(`/candidates/${id}/stages`, body);
export const addIntroducer = (id: number, body: Record<string, unknown>) =>
  api.post<Candidate>(`/candidates/${id}/introducers`, body);
export const removeIntroducer = (id: number, sid: number) => api.del<Candidate>(`/candidates/${id}/introducers/${sid}`);
export const uploadDocument = (id: number, file: File, stage: string) =>
  api.upload<CandidateDocument>(`/candidates/${id}/documents?name=${encodeURIComponent(file.name)}&stage=${stage}`, file);
export const updateCandidate = (id: number, body: Record<string, unknown>) => api.patch<Candidate>(`/candidates/${id}`, body);
