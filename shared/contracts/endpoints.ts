// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
// Each contract’s method and path without its zod schemas, for the mini-program (endpoint.ts).
import type { TEndpoint } from './endpoint';
import type * as healthContracts from './health';
import type * as authContracts from './auth';
import type * as meContracts from './me';
import type * as joinContracts from './join';
import type * as notificationsContracts from './notifications';
import type * as pointsContracts from './points';
import type * as binsContracts from './bins';
import type * as mediaContracts from './media';
import type * as requestsContracts from './requests';
import type * as sosContracts from './sos';
import type * as testClockContracts from './test-clock';
import type * as marketContracts from './market';
import type * as wechatPushContracts from './wechat-push';

// health.ts
export const health: TEndpoint<typeof healthContracts.health> = { method: 'GET', path: '/api/health' };
export const openapi: TEndpoint<typeof healthContracts.openapi> = { method: 'GET', path: '/api/openapi.json' };

// auth.ts
export const devLogin: TEndpoint<typeof authContracts.devLogin> = { method: 'POST', path: '/api/auth/dev-login' };
export const devPeople: TEndpoint<typeof authContracts.devPeople> = { method: 'GET', path: '/api/auth/dev-people' };
export const logout: TEndpoint<typeof authContracts.logout> = { method: 'POST', path: '/api/auth/logout' };
export const wechatLogin: TEndpoint<typeof authContracts.wechatLogin> = { method: 'POST', path: '/api/auth/wechat-login' };

// me.ts
export const getMe: TEndpoint<typeof meContracts.getMe> = { method: 'GET', path: '/api/me' };
export const listTownshipVillages: TEndpoint<typeof meContracts.listTownshipVillages> = { method: 'GET', path: '/api/townships/{townshipId}/villages' };
export const listVillageCourtyards: TEndpoint<typeof meContracts.listVillageCourtyards> = { method: 'GET', path: '/api/villages/{villageId}/courtyards' };

// join.ts
export const approveJoinRequest: TEndpoint<typeof joinContracts.approveJoinRequest> = { method: 'POST', path: '/api/join-requests/{id}/approve' };
export const createInvite: TEndpoint<typeof joinContracts.createInvite> = { method: 'POST', path: '/api/courtyards/{courtyardId}/invites' };
export const getInvite: TEndpoint<typeof joinContracts.getInvite> = { method: 'GET', path: '/api/invites/{code}' };
export const listCourtyardJoinRequests: TEndpoint<typeof joinContracts.listCourtyardJoinRequests> = { method: 'GET', path: '/api/courtyards/{courtyardId}/join-requests' };
export const listMyJoinRequests: TEndpoint<typeof joinContracts.listMyJoinRequests> = { method: 'GET', path: '/api/join-requests/mine' };
export const rejectJoinRequest: TEndpoint<typeof joinContracts.rejectJoinRequest> = { method: 'POST', path: '/api/join-requests/{id}/reject' };
export const submitJoinRequest: TEndpoint<typeof joinContracts.submitJoinRequest> = { method: 'POST', path: '/api/join-requests' };
export const withdrawJoinRequest: TEndpoint<typeof joinContracts.withdrawJoinRequest> = { method: 'POST', path: '/api/join-requests/{id}/withdraw' };

// notifications.ts
export const cronDispatch: TEndpoint<typeof notificationsContracts.cronDispatch> = { method: 'GET', path: '/api/cron/dispatch' };
export const listInbox: TEndpoint<typeof notificationsContracts.listInbox> = { method: 'GET', path: '/api/inbox' };
export const listVillageNotifications: TEndpoint<typeof notificationsContracts.listVillageNotifications> = { method: 'GET', path: '/api/villages/{villageId}/notifications' };
export const markAllInboxRead: TEndpoint<typeof notificationsContracts.markAllInboxRead> = { method: 'POST', path: '/api/inbox/read-all' };
export const markInboxRead: TEndpoint<typeof notificationsContracts.markInboxRead> = { method: 'POST', path: '/api/inbox/{id}/read' };
export const reportSubscriptions: TEndpoint<typeof notificationsContracts.reportSubscriptions> = { method: 'POST', path: '/api/subscriptions' };
export const retryNotification: TEndpoint<typeof notificationsContracts.retryNotification> = { method: 'POST', path: '/api/notifications/{id}/retry' };
export const subscriptionTemplates: TEndpoint<typeof notificationsContracts.subscriptionTemplates> = { method: 'GET', path: '/api/subscriptions/templates' };
export const unreadCount: TEndpoint<typeof notificationsContracts.unreadCount> = { method: 'GET', path: '/api/inbox/unread-count' };

// points.ts
export const adjustPoints: TEndpoint<typeof pointsContracts.adjustPoints> = { method: 'POST', path: '/api/people/{personId}/points' };
export const cancelRedemption: TEndpoint<typeof pointsContracts.cancelRedemption> = { method: 'POST', path: '/api/redemptions/{id}/cancel' };
export const createReward: TEndpoint<typeof pointsContracts.createReward> = { method: 'POST', path: '/api/villages/{villageId}/rewards' };
export const getHouseholdPoints: TEndpoint<typeof pointsContracts.getHouseholdPoints> = { method: 'GET', path: '/api/households/{householdId}/points' };
export const getMyPoints: TEndpoint<typeof pointsContracts.getMyPoints> = { method: 'GET', path: '/api/points/me' };
export const handOverRedemption: TEndpoint<typeof pointsContracts.handOverRedemption> = { method: 'POST', path: '/api/villages/{villageId}/handover' };
export const listCourtyardPeople: TEndpoint<typeof pointsContracts.listCourtyardPeople> = { method: 'GET', path: '/api/courtyards/{courtyardId}/people' };
export const listMyRedemptions: TEndpoint<typeof pointsContracts.listMyRedemptions> = { method: 'GET', path: '/api/redemptions/mine' };
export const listPointsRules: TEndpoint<typeof pointsContracts.listPointsRules> = { method: 'GET', path: '/api/villages/{villageId}/points-rules' };
export const listRewards: TEndpoint<typeof pointsContracts.listRewards> = { method: 'GET', path: '/api/villages/{villageId}/rewards' };
export const listVillageRedemptions: TEndpoint<typeof pointsContracts.listVillageRedemptions> = { method: 'GET', path: '/api/villages/{villageId}/redemptions' };
export const redeemReward: TEndpoint<typeof pointsContracts.redeemReward> = { method: 'POST', path: '/api/rewards/{id}/redeem' };
export const townshipLeaderboard: TEndpoint<typeof pointsContracts.townshipLeaderboard> = { method: 'GET', path: '/api/townships/{townshipId}/leaderboard' };
export const updatePointsRule: TEndpoint<typeof pointsContracts.updatePointsRule> = { method: 'PUT', path: '/api/villages/{villageId}/points-rules/{eventKind}' };
export const updatePointsSettings: TEndpoint<typeof pointsContracts.updatePointsSettings> = { method: 'PUT', path: '/api/villages/{villageId}/points-settings' };
export const updateReward: TEndpoint<typeof pointsContracts.updateReward> = { method: 'PATCH', path: '/api/rewards/{id}' };
export const villageLeaderboard: TEndpoint<typeof pointsContracts.villageLeaderboard> = { method: 'GET', path: '/api/villages/{villageId}/leaderboard' };

// bins.ts
export const binStats: TEndpoint<typeof binsContracts.binStats> = { method: 'GET', path: '/api/villages/{villageId}/bin-stats' };
export const cleanBinReport: TEndpoint<typeof binsContracts.cleanBinReport> = { method: 'POST', path: '/api/bin-reports/{id}/clean' };
export const cleanerTasks: TEndpoint<typeof binsContracts.cleanerTasks> = { method: 'GET', path: '/api/cleaner/tasks' };
export const createBin: TEndpoint<typeof binsContracts.createBin> = { method: 'POST', path: '/api/villages/{villageId}/bins' };
export const getBin: TEndpoint<typeof binsContracts.getBin> = { method: 'GET', path: '/api/bins/{code}' };
export const getBinWxaCode: TEndpoint<typeof binsContracts.getBinWxaCode> = { method: 'GET', path: '/api/bins/{code}/wxacode' };
export const importBins: TEndpoint<typeof binsContracts.importBins> = { method: 'POST', path: '/api/villages/{villageId}/bins/import' };
export const listVillageBins: TEndpoint<typeof binsContracts.listVillageBins> = { method: 'GET', path: '/api/villages/{villageId}/bins' };
export const listVillageCleaners: TEndpoint<typeof binsContracts.listVillageCleaners> = { method: 'GET', path: '/api/villages/{villageId}/cleaners' };
export const markBinReportFalse: TEndpoint<typeof binsContracts.markBinReportFalse> = { method: 'POST', path: '/api/bin-reports/{id}/false' };
export const reportBin: TEndpoint<typeof binsContracts.reportBin> = { method: 'POST', path: '/api/bins/{code}/report' };
export const updateBin: TEndpoint<typeof binsContracts.updateBin> = { method: 'PATCH', path: '/api/bins/{code}' };

// media.ts
export const getMedia: TEndpoint<typeof mediaContracts.getMedia> = { method: 'GET', path: '/api/media/{id}' };
export const uploadMedia: TEndpoint<typeof mediaContracts.uploadMedia> = { method: 'POST', path: '/api/media' };

// requests.ts
export const acceptRequest: TEndpoint<typeof requestsContracts.acceptRequest> = { method: 'POST', path: '/api/requests/{id}/accept' };
export const confirmRequest: TEndpoint<typeof requestsContracts.confirmRequest> = { method: 'POST', path: '/api/requests/{id}/confirm' };
export const createRequest: TEndpoint<typeof requestsContracts.createRequest> = { method: 'POST', path: '/api/requests' };
export const getRequest: TEndpoint<typeof requestsContracts.getRequest> = { method: 'GET', path: '/api/requests/{id}' };
export const getRequestSettings: TEndpoint<typeof requestsContracts.getRequestSettings> = { method: 'GET', path: '/api/villages/{villageId}/request-settings' };
export const listMyRequests: TEndpoint<typeof requestsContracts.listMyRequests> = { method: 'GET', path: '/api/requests/mine' };
export const listRequestMessages: TEndpoint<typeof requestsContracts.listRequestMessages> = { method: 'GET', path: '/api/requests/{id}/messages' };
export const postRequestMessage: TEndpoint<typeof requestsContracts.postRequestMessage> = { method: 'POST', path: '/api/requests/{id}/messages' };
export const reopenRequest: TEndpoint<typeof requestsContracts.reopenRequest> = { method: 'POST', path: '/api/requests/{id}/reopen' };
export const requestQueue: TEndpoint<typeof requestsContracts.requestQueue> = { method: 'GET', path: '/api/requests/queue' };
export const requestTimeline: TEndpoint<typeof requestsContracts.requestTimeline> = { method: 'GET', path: '/api/requests/{id}/timeline' };
export const resolveRequest: TEndpoint<typeof requestsContracts.resolveRequest> = { method: 'POST', path: '/api/requests/{id}/resolve' };
export const setRequestLevel: TEndpoint<typeof requestsContracts.setRequestLevel> = { method: 'POST', path: '/api/requests/{id}/level' };
export const townshipRequestStats: TEndpoint<typeof requestsContracts.townshipRequestStats> = { method: 'GET', path: '/api/townships/{townshipId}/request-stats' };
export const updateRequestSettings: TEndpoint<typeof requestsContracts.updateRequestSettings> = { method: 'PUT', path: '/api/villages/{villageId}/request-settings' };
export const villageRequestStats: TEndpoint<typeof requestsContracts.villageRequestStats> = { method: 'GET', path: '/api/villages/{villageId}/request-stats' };
export const withdrawRequest: TEndpoint<typeof requestsContracts.withdrawRequest> = { method: 'POST', path: '/api/requests/{id}/withdraw' };

// sos.ts
export const ackSos: TEndpoint<typeof sosContracts.ackSos> = { method: 'POST', path: '/api/sos/{id}/ack' };
export const activeSos: TEndpoint<typeof sosContracts.activeSos> = { method: 'GET', path: '/api/sos/active' };
export const cancelSos: TEndpoint<typeof sosContracts.cancelSos> = { method: 'POST', path: '/api/sos/{id}/cancel' };
export const getSos: TEndpoint<typeof sosContracts.getSos> = { method: 'GET', path: '/api/sos/{id}' };
export const mySos: TEndpoint<typeof sosContracts.mySos> = { method: 'GET', path: '/api/sos/mine' };
export const raiseSos: TEndpoint<typeof sosContracts.raiseSos> = { method: 'POST', path: '/api/sos' };
export const resolveSos: TEndpoint<typeof sosContracts.resolveSos> = { method: 'POST', path: '/api/sos/{id}/resolve' };
export const setMySos: TEndpoint<typeof sosContracts.setMySos> = { method: 'PUT', path: '/api/me/sos' };
export const setPartyLink: TEndpoint<typeof sosContracts.setPartyLink> = { method: 'PUT', path: '/api/households/{householdId}/party-member' };

// test-clock.ts
export const advanceTestClock: TEndpoint<typeof testClockContracts.advanceTestClock> = { method: 'POST', path: '/api/test/clock' };

// market.ts
export const applyJob: TEndpoint<typeof marketContracts.applyJob> = { method: 'POST', path: '/api/jobs/{id}/applications' };
export const browseJobs: TEndpoint<typeof marketContracts.browseJobs> = { method: 'GET', path: '/api/jobs' };
export const browseListings: TEndpoint<typeof marketContracts.browseListings> = { method: 'GET', path: '/api/listings' };
export const cancelIntent: TEndpoint<typeof marketContracts.cancelIntent> = { method: 'POST', path: '/api/intents/{id}/cancel' };
export const closeJob: TEndpoint<typeof marketContracts.closeJob> = { method: 'POST', path: '/api/jobs/{id}/close' };
export const closeListing: TEndpoint<typeof marketContracts.closeListing> = { method: 'POST', path: '/api/listings/{id}/close' };
export const confirmWork: TEndpoint<typeof marketContracts.confirmWork> = { method: 'POST', path: '/api/applications/{id}/work' };
export const createIntent: TEndpoint<typeof marketContracts.createIntent> = { method: 'POST', path: '/api/listings/{id}/intents' };
export const createJob: TEndpoint<typeof marketContracts.createJob> = { method: 'POST', path: '/api/jobs' };
export const createListing: TEndpoint<typeof marketContracts.createListing> = { method: 'POST', path: '/api/listings' };
export const decideApplication: TEndpoint<typeof marketContracts.decideApplication> = { method: 'POST', path: '/api/applications/{id}/decide' };
export const decideIntent: TEndpoint<typeof marketContracts.decideIntent> = { method: 'POST', path: '/api/intents/{id}/decide' };
export const featureListing: TEndpoint<typeof marketContracts.featureListing> = { method: 'POST', path: '/api/listings/{id}/feature' };
export const getJob: TEndpoint<typeof marketContracts.getJob> = { method: 'GET', path: '/api/jobs/{id}' };
export const getListing: TEndpoint<typeof marketContracts.getListing> = { method: 'GET', path: '/api/listings/{id}' };
export const jobApplications: TEndpoint<typeof marketContracts.jobApplications> = { method: 'GET', path: '/api/jobs/{id}/applications' };
export const listingIntents: TEndpoint<typeof marketContracts.listingIntents> = { method: 'GET', path: '/api/listings/{id}/intents' };
export const listingReviewQueue: TEndpoint<typeof marketContracts.listingReviewQueue> = { method: 'GET', path: '/api/listings/review-queue' };
export const myApplications: TEndpoint<typeof marketContracts.myApplications> = { method: 'GET', path: '/api/applications/mine' };
export const myIntents: TEndpoint<typeof marketContracts.myIntents> = { method: 'GET', path: '/api/intents/mine' };
export const myJobs: TEndpoint<typeof marketContracts.myJobs> = { method: 'GET', path: '/api/jobs/mine' };
export const myListings: TEndpoint<typeof marketContracts.myListings> = { method: 'GET', path: '/api/listings/mine' };
export const reviewJob: TEndpoint<typeof marketContracts.reviewJob> = { method: 'POST', path: '/api/jobs/{id}/review' };
export const reviewListing: TEndpoint<typeof marketContracts.reviewListing> = { method: 'POST', path: '/api/listings/{id}/review' };
export const submitJob: TEndpoint<typeof marketContracts.submitJob> = { method: 'POST', path: '/api/jobs/{id}/submit' };
export const submitListing: TEndpoint<typeof marketContracts.submitListing> = { method: 'POST', path: '/api/listings/{id}/submit' };
export const updateJob: TEndpoint<typeof marketContracts.updateJob> = { method: 'PATCH', path: '/api/jobs/{id}' };
export const updateListing: TEndpoint<typeof marketContracts.updateListing> = { method: 'PATCH', path: '/api/listings/{id}' };
export const withdrawApplication: TEndpoint<typeof marketContracts.withdrawApplication> = { method: 'POST', path: '/api/applications/{id}/withdraw' };

// wechat-push.ts
export const getPublicMedia: TEndpoint<typeof wechatPushContracts.getPublicMedia> = { method: 'GET', path: '/api/media/{id}/public' };
export const receiveWechatPush: TEndpoint<typeof wechatPushContracts.receiveWechatPush> = { method: 'POST', path: '/api/wechat/push' };
export const verifyWechatPush: TEndpoint<typeof wechatPushContracts.verifyWechatPush> = { method: 'GET', path: '/api/wechat/push' };
