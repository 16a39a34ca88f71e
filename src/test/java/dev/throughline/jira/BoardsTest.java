package dev.throughline.jira;

class BoardsTest extends JiraWireMockTest {
    static final String BOARD = "{'id':7,'name':'TL board','type':'scrum','location':{'projectId':10000,'projectKey':'TL'}}";
    static final String CONFIGURATION = "{'id':7,'name':'TL board','type':'scrum',"
            + "'estimation':{'type':'field','field':{'fieldId':'customfield_10016','displayName':'Story point estimate'}},"
            + "'ranking':{'rankCustomFieldId':10019}}";
}
